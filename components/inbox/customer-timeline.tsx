'use client';

import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { TimelineEntry } from '@/lib/orchestration/customer-timeline';

const CHANNEL_NAMES: Record<string, string> = { SMS: 'SMS', WHATSAPP: 'WhatsApp', RCS: 'RCS', CHAT: 'Chat', VOICE: 'Voice' };

/**
 * The customer's messages on every channel, as Conversation Orchestrator grouped them, in the
 * details panel; shown only for conversations bridged from one. Reloaded when a message arrives.
 */
export function CustomerTimeline({ sid }: { sid: string }) {
  const { value: timeline } = useLiveResource(
    async () => (await apiFetch<{ timeline: TimelineEntry[] | null }>(`/api/conversations/${sid}/timeline`)).timeline,
    { key: sid, refetchOn: (event) => event.kind === 'conversation.updated' && event.data.conversationSid === sid && event.data.change === 'message', minIntervalMs: 1_000 },
  );
  if (!timeline || timeline.length === 0) return null;
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">Customer timeline</h3>
      <ol className="mt-1.5 flex flex-col gap-1.5">
        {timeline.map((entry) => (
          <li key={entry.id} className="flex flex-col">
            <span className="text-xs text-slate-500">
              {CHANNEL_NAMES[entry.channel] ?? entry.channel} · {entry.fromCustomer ? 'customer' : 'team'} · <time dateTime={entry.occurredAt}>{new Date(entry.occurredAt).toLocaleString()}</time>
            </span>
            <span className="break-words">{entry.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
