'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type { AgentStats } from '@/lib/reports/read-agent-stats';
import { stackedTable } from '@/components/ui/stacked-table';
import { formatAverage, formatDuration, formatPercent } from './format';

type Column = { key: keyof AgentStats; label: string; format: (row: AgentStats) => string };

export const COLUMNS: Column[] = [
  { key: 'handled', label: 'Conversations', format: (row) => String(row.handled) },
  { key: 'firstResponseMedianSeconds', label: 'First response (median)', format: (row) => formatDuration(row.firstResponseMedianSeconds) },
  { key: 'resolutionMedianSeconds', label: 'Resolution (median)', format: (row) => formatDuration(row.resolutionMedianSeconds) },
  { key: 'repliesSent', label: 'Replies sent', format: (row) => String(row.repliesSent) },
  { key: 'transfersIn', label: 'Transfers in', format: (row) => String(row.transfersIn) },
  { key: 'transfersOut', label: 'Transfers out', format: (row) => String(row.transfersOut) },
  { key: 'availableSeconds', label: 'Time available', format: (row) => formatDuration(row.availableSeconds) },
  { key: 'csatScore', label: 'CSAT', format: (row) => (row.surveysAnswered ? `${formatPercent(row.csatScore)} (${formatAverage(row.csatAverage)}, ${row.surveysAnswered})` : '—') },
  { key: 'csatResponseRate', label: 'Survey responses', format: (row) => (row.surveysSent ? `${formatPercent(row.csatResponseRate)} (${row.surveysAnswered} of ${row.surveysSent})` : '—') },
];

type Sort = { key: keyof AgentStats; descending: boolean };

/** Sorted copy; empty figures (no first response yet) always go last. */
export function sortAgents(rows: AgentStats[], { key, descending }: Sort): AgentStats[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [a[key], b[key]];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (descending ? -order : order) || a.name.localeCompare(b.name);
  });
}

/** The agents table: sortable by any column; each name opens that agent's conversations in the period. */
export function AgentsTable({ rows, conversationsHrefs }: { rows: AgentStats[]; conversationsHrefs: Record<string, string> }) {
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const sorted = sortAgents(rows, sort);
  const header = (key: keyof AgentStats, label: string) => {
    const active = sort.key === key;
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className="border-b border-slate-200 px-3 py-2 text-left font-medium max-md:border-0 max-md:p-0">
        <button type="button" className="inline-flex items-center gap-1 hover:text-slate-900" onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'name' })}>
          {label}
          {active ? (
            sort.descending ? <ArrowDown aria-hidden="true" className="h-3.5 w-3.5" /> : <ArrowUp aria-hidden="true" className="h-3.5 w-3.5" />
          ) : (
            <ArrowUpDown aria-hidden="true" className="h-3.5 w-3.5 text-slate-400" />
          )}
        </button>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full text-sm ${stackedTable.table}`} aria-label="Agents">
        {/* Phones: the column headers stay as a row of sort buttons above the cards. */}
        <thead className="text-xs text-slate-600 max-md:block">
          <tr className="max-md:flex max-md:flex-wrap max-md:gap-x-3 max-md:border-b max-md:border-slate-200 max-md:px-2 max-md:py-1">
            {header('name', 'Agent')}
            {COLUMNS.map((column) => header(column.key, column.label))}
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="px-3 py-4 text-center text-slate-500 max-md:block">
                Nobody worked in this period.
              </td>
            </tr>
          ) : null}
          {sorted.map((row) => (
            <tr key={row.id} data-testid={`agent-row-${row.id}`} className={`border-b border-slate-100 last:border-0 ${stackedTable.row}`}>
              <th scope="row" className={`px-3 py-2 text-left font-medium ${stackedTable.cell} ${stackedTable.wide}`}>
                <Link href={conversationsHrefs[row.id] ?? '/reports/conversations'} className="text-indigo-700 hover:underline">
                  {row.name}
                </Link>
              </th>
              {COLUMNS.map((column) => (
                <td key={column.key} data-column={column.key} data-label={column.label} className={`px-3 py-2 tabular-nums ${stackedTable.cell}`}>
                  {column.format(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
