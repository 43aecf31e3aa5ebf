import Link from 'next/link';
import type { ConversationRow } from '@/lib/reports/read-conversation-rows';
import { CHANNEL_LABELS } from '@/lib/reports/report-query';
import { formatDuration } from './format';

/** The conversations behind a report, one row each, linking to the supervisor's view of it. */
export function ConversationRowsTable({ rows, timeZone }: { rows: ConversationRow[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label="Conversations">
        <thead className="text-left text-xs text-slate-600">
          <tr>
            {['Customer', 'Channel', 'Opened', 'First response', 'Resolution', 'Handled by', 'In / out', 'CSAT'].map((label) => (
              <th key={label} scope="col" className="border-b border-slate-200 px-3 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="px-3 py-4 text-center text-slate-500">
                No conversations in this period.
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.sid} data-testid={`conversation-row-${row.sid}`} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/supervisor/conversations/${row.sid}`} className="text-indigo-700 hover:underline">
                  {row.customer || row.sid}
                </Link>
              </th>
              <td className="px-3 py-2">{CHANNEL_LABELS[row.channel as keyof typeof CHANNEL_LABELS] ?? row.channel}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when.format(new Date(row.openedAt))}</td>
              <td className="px-3 py-2 tabular-nums">{formatDuration(row.firstResponseSeconds)}</td>
              <td className="px-3 py-2 tabular-nums">{row.state === 'CLOSED' ? formatDuration(row.resolutionSeconds) : 'open'}</td>
              <td className="px-3 py-2">{row.handledBy.join(', ') || '—'}</td>
              <td className="px-3 py-2 tabular-nums">
                {row.messagesIn} / {row.messagesOut}
              </td>
              <td className="px-3 py-2">{row.csatScore === null ? '—' : `${row.csatScore}/5`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
