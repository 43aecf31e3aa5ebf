'use client';

import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { BroadcastRecipientView, BroadcastSummary } from '@/lib/broadcasts/broadcast-schemas';
import { stackedTable } from '@/components/ui/stacked-table';

const STATUS_LABELS: Record<BroadcastRecipientView['status'], string> = { PENDING: 'Waiting', QUEUED: 'Queued', SENT: 'Sent', DELIVERED: 'Delivered', FAILED: 'Failed' };

/** One broadcast's progress while it sends and after: a bar, totals, and each recipient's status, live. */
export function BroadcastProgress({ broadcastId }: { broadcastId: string }) {
  const { value } = useLiveResource(
    () => apiFetch<{ broadcast: BroadcastSummary; recipients: BroadcastRecipientView[] }>(`/api/broadcasts/${broadcastId}`),
    { key: broadcastId, refetchOn: (event) => event.kind === 'broadcast.progress' && event.data.broadcastId === broadcastId, minIntervalMs: 300 },
  );
  if (!value) return <p className="text-sm text-slate-500">Loading…</p>;
  const { broadcast, recipients } = value;
  const { totals } = broadcast;
  const handled = totals.total - totals.pending;
  return (
    <section aria-label={`Broadcast ${broadcast.name}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">{broadcast.name}</h2>
      <p className="mt-1 text-sm text-slate-600">From {broadcast.fromNumber}: “{broadcast.body}”</p>
      <div
        role="progressbar"
        aria-label="Sending"
        aria-valuemin={0}
        aria-valuemax={totals.total}
        aria-valuenow={handled}
        className="mt-3 h-2 w-full overflow-hidden rounded bg-slate-100"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${totals.total === 0 ? 0 : (handled / totals.total) * 100}%` }} />
      </div>
      <p className="mt-2 text-sm" aria-live="polite">
        {broadcast.status === 'SENDING' ? `Sending: ${handled} of ${totals.total}` : `Sent to ${totals.total}`} · {totals.delivered} delivered · {totals.sent + totals.queued} on
        their way · {totals.failed} failed
      </p>
      <table className={`mt-3 w-full text-left text-sm ${stackedTable.table}`} aria-label="Recipients">
        <thead className={`text-xs text-slate-500 ${stackedTable.head}`}>
          <tr>
            <th className="py-1">Number</th>
            <th>Name</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {recipients.map((r) => (
            <tr key={r.address} className={`border-t border-slate-100 ${stackedTable.row}`}>
              <td className={`py-1 ${stackedTable.cell}`} data-label="Number">{r.address}</td>
              <td className={stackedTable.cell} data-label="Name">{r.name ?? ''}</td>
              <td className={`${stackedTable.cell} ${stackedTable.wide}`} data-label="Status">{STATUS_LABELS[r.status]}{r.error ? `: ${r.error}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {recipients.length < totals.total ? <p className="mt-2 text-xs text-slate-500">Showing {recipients.length} of {totals.total}, failures first.</p> : null}
    </section>
  );
}
