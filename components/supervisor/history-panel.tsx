'use client';

import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { HistoryEntry } from '@/lib/supervision/conversation-history';

const REASONS: Record<string, string> = {
  AUTO: 'Routed',
  PREFERRED: 'Routed to the previous agent',
  QUEUE: 'Queued',
  FROM_QUEUE: 'From the queue',
  TAKEN: 'Taken from the queue',
  STARTED: 'Started',
  TRANSFER: 'Transferred',
  RESOLVED: 'Resolved',
};

/** The assignment history of a conversation, for supervisors. */
export function HistoryPanel({ conversationSid }: { conversationSid: string }) {
  const { value: entries } = useLiveResource(
    async () => (await apiFetch<{ assignments: HistoryEntry[] }>(`/api/conversations/${conversationSid}/history`)).assignments,
    { key: conversationSid, refetchOn: (event) => event.kind === 'assignment.changed' && event.data.conversationSid === conversationSid },
  );
  return (
    <aside aria-label="Assignment history" className="h-full overflow-y-auto border-l border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">History</h2>
      {!entries ? <p className="mt-2 text-slate-500">Loading…</p> : null}
      <ol className="mt-2 flex flex-col gap-3" data-testid="history">
        {entries?.map((entry, i) => (
          <li key={i} className="border-l-2 border-slate-200 pl-3">
            <p className="font-medium">{REASONS[entry.reason] ?? entry.reason}</p>
            <p className="text-xs text-slate-600">
              {[entry.from ? `from ${entry.from}` : null, entry.to ? `to ${entry.to}` : null, entry.actor ? `by ${entry.actor}` : null].filter(Boolean).join(' ')}
            </p>
            {entry.note ? <p className="mt-0.5 text-xs italic text-slate-600">“{entry.note}”</p> : null}
            <time className="text-[11px] text-slate-500" dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
          </li>
        ))}
      </ol>
    </aside>
  );
}
