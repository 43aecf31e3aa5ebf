'use client';

import Link from 'next/link';
import { channelFromIndex } from '@/lib/conversations/conversation-descriptor';
import { displayAddress } from '@/lib/conversations/phone-address';
import { relativeTime } from '@/lib/inbox/format';
import type { QueueEntry } from '@/lib/routing/list-queue';
import { ChannelBadge } from './channel-badge';
import { useNow } from './use-now';
import { openConversationInPlace } from './use-selected-conversation';

/** The queue, oldest first: open one to read it and take it. */
export function QueueList({ queue, selectedSid }: { queue: QueueEntry[] | null; selectedSid?: string }) {
  const now = useNow();
  if (!queue) return <p className="px-4 py-6 text-center text-sm text-slate-500">Loading the queue…</p>;
  if (queue.length === 0) return <p className="px-4 py-6 text-center text-sm text-slate-500">Nobody is waiting.</p>;
  return (
    <ul aria-label="Waiting conversations" className="min-h-0 flex-1 overflow-y-auto">
      {queue.map((entry) => (
        <li key={entry.sid}>
          <Link
            href={`/inbox/${entry.sid}`}
            onClick={(event) => openConversationInPlace(event, entry.sid)}
            aria-current={entry.sid === selectedSid ? 'page' : undefined}
            data-testid={`queue-row-${entry.sid}`}
            className={`flex flex-col gap-1 border-b border-slate-100 px-3 py-2.5 hover:bg-slate-50 ${entry.sid === selectedSid ? 'bg-indigo-50' : ''}`}
          >
            <div className="flex items-center gap-2">
              <ChannelBadge channel={channelFromIndex(entry.channel)} />
              <span className="min-w-0 flex-1 truncate text-sm font-medium">
                {entry.customerName ?? (entry.customerAddress ? displayAddress(entry.customerAddress) : 'Customer')}
              </span>
              <span className="shrink-0 text-xs text-amber-700">waiting {relativeTime(Date.parse(entry.queuedAt), now)}</span>
            </div>
            <p className="truncate text-xs text-slate-500">{entry.lastMessagePreview ?? ''}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
