import Link from 'next/link';
import type { ConversationRow } from '@/lib/reports/read-conversation-rows';
import { CHANNEL_LABELS } from '@/lib/reports/report-query';
import { stackedTable } from '@/components/ui/stacked-table';
import { formatDuration } from './format';

/** The conversations behind a report, one row each, linking to the supervisor's view of it. */
export function ConversationRowsTable({ rows, timeZone }: { rows: ConversationRow[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full text-sm ${stackedTable.table}`} aria-label="Conversations">
        <thead className={`text-left text-xs text-slate-600 ${stackedTable.head}`}>
          <tr>
            {['Customer', 'Channel', 'Opened', 'First response', 'Resolution', 'Handled by', 'In / out', 'CSAT'].map((label) => (
              <th key={label} scope="col" className="border-b border-slate-200 px-3 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="px-3 py-4 text-center text-slate-500 max-md:block">
                No conversations in this period.
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.sid} data-testid={`conversation-row-${row.sid}`} className={`border-b border-slate-100 last:border-0 ${stackedTable.row}`}>
              <th scope="row" className={`px-3 py-2 text-left font-medium ${stackedTable.cell} ${stackedTable.wide}`}>
                <Link href={`/supervisor/conversations/${row.sid}`} className="text-indigo-700 hover:underline">
                  {row.customer || row.sid}
                </Link>
              </th>
              <td data-label="Channel" className={`px-3 py-2 ${stackedTable.cell}`}>{CHANNEL_LABELS[row.channel as keyof typeof CHANNEL_LABELS] ?? row.channel}</td>
              <td data-label="Opened" className={`px-3 py-2 whitespace-nowrap max-md:whitespace-normal ${stackedTable.cell}`}>{when.format(new Date(row.openedAt))}</td>
              <td data-label="First response" className={`px-3 py-2 tabular-nums ${stackedTable.cell}`}>{formatDuration(row.firstResponseSeconds)}</td>
              <td data-label="Resolution" className={`px-3 py-2 tabular-nums ${stackedTable.cell}`}>{row.state === 'CLOSED' ? formatDuration(row.resolutionSeconds) : 'open'}</td>
              <td data-label="Handled by" className={`px-3 py-2 ${stackedTable.cell}`}>{row.handledBy.join(', ') || '—'}</td>
              <td data-label="In / out" className={`px-3 py-2 tabular-nums ${stackedTable.cell}`}>
                {row.messagesIn} / {row.messagesOut}
              </td>
              <td data-label="CSAT" className={`px-3 py-2 ${stackedTable.cell}`}>{row.csatScore === null ? '—' : `${row.csatScore}/5`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
