'use client';

import Link from 'next/link';
import { channelFromIndex } from '@/lib/conversations/conversation-descriptor';
import { displayAddress } from '@/lib/conversations/phone-address';
import { deliveryErrorReason } from '@/lib/inbox/delivery-status';
import type { FloorConversation } from '@/lib/supervision/floor-overview';
import type { FloorRow } from '@/lib/supervision/floor-service-levels';
import { ChannelBadge } from '@/components/inbox/channel-badge';
import { LabelChip } from '@/components/labels/label-chip';
import { isBreaching } from '@/lib/supervision/service-levels';
import { stackedTable } from '@/components/ui/stacked-table';
import { formatDuration } from './format-duration';

type Props = { conversations: FloorRow[]; now: number; onTransfer: (conversation: FloorConversation) => void };

export function ConversationsTable({ conversations, now, onTransfer }: Props) {
  if (conversations.length === 0) return <p className="px-4 py-6 text-center text-sm text-slate-500">Nothing matches.</p>;
  // Phones: a card per conversation; tablets scroll the table within its panel, never the page.
  return (
    <div className="overflow-x-auto">
    <table className={`w-full border-collapse text-left text-sm ${stackedTable.table}`}>
      <caption className="sr-only">Open conversations</caption>
      <thead className={`border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 ${stackedTable.head}`}>
        <tr>
          <th scope="col" className="px-3 py-2 font-medium">Customer</th>
          <th scope="col" className="px-3 py-2 font-medium">Assignee</th>
          <th scope="col" className="px-3 py-2 font-medium">Waiting for reply</th>
          <th scope="col" className="px-3 py-2 font-medium">Last message</th>
          <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody className={stackedTable.body}>
        {conversations.map((conversation) => {
          const breached = isBreaching(conversation);
          return (
            <tr
              key={conversation.sid}
              className={`border-b border-slate-100 align-top ${breached ? 'bg-red-50' : ''} ${stackedTable.row}`}
              data-testid={`floor-conversation-${conversation.sid}`}
              data-breached={breached || undefined}
            >
              <td className={`px-3 py-2 ${stackedTable.cell} ${stackedTable.wide}`}>
                <div className="flex items-center gap-2">
                  <ChannelBadge channel={channelFromIndex(conversation.channel)} />
                  <span className="font-medium" title={conversation.customerAddress ?? undefined}>{conversation.customer}</span>
                </div>
                {conversation.twilioNumber ? <p className="mt-0.5 text-xs text-slate-600">on {displayAddress(conversation.twilioNumber)}</p> : null}
                {conversation.labels.length ? (
                  <div className="mt-1 flex flex-wrap gap-1" aria-label="Labels">
                    {conversation.labels.map((label) => (
                      <LabelChip key={label.id} label={label} />
                    ))}
                  </div>
                ) : null}
                {conversation.snooze ? (
                  <p className="mt-0.5 text-xs text-indigo-700" data-testid="floor-snoozed">
                    Snoozed
                    {conversation.snooze.until ? ` until ${new Date(conversation.snooze.until).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
                    {conversation.snooze.until && conversation.snooze.untilReply ? ' or' : ''}
                    {conversation.snooze.untilReply ? ' until the customer replies' : ''}
                  </p>
                ) : null}
              </td>
              <td className={`px-3 py-2 ${stackedTable.cell}`} data-label="Assignee" data-testid="assignee">
                {conversation.assignee ? (
                  conversation.assignee.name
                ) : conversation.queuedAt ? (
                  <span className="text-amber-700">Queue · {formatDuration(Math.floor((now - Date.parse(conversation.queuedAt)) / 1000))}</span>
                ) : (
                  <span className="text-slate-600">Unassigned</span>
                )}
              </td>
              <td className={`px-3 py-2 ${stackedTable.cell}`} data-label="Waiting for reply">
                {conversation.waitingSeconds > 0 ? (
                  <span className={breached ? 'font-semibold text-red-700' : ''}>{formatDuration(conversation.waitingSeconds)}</span>
                ) : (
                  <span className="text-slate-600">—</span>
                )}
                {conversation.firstResponseBreached ? <p className="text-xs text-red-700">No first response yet</p> : null}
                {conversation.replyWaitBreached && !conversation.firstResponseBreached ? <p className="text-xs text-red-700">Reply overdue</p> : null}
                {conversation.deliveryError !== null ? (
                  <p className="text-xs text-red-700" data-testid="delivery-failed">
                    Last reply not delivered{conversation.deliveryError ? `: ${deliveryErrorReason(conversation.deliveryError)}` : ''}
                  </p>
                ) : null}
              </td>
              <td className={`max-w-xs px-3 py-2 ${stackedTable.cell} ${stackedTable.wide} max-md:max-w-none`} data-label="Last message">
                <p className="truncate text-slate-700">{conversation.lastMessagePreview ?? ''}</p>
              </td>
              <td className={`px-3 py-2 ${stackedTable.cell} ${stackedTable.wide}`}>
                <div className="flex justify-end gap-2">
                  <Link href={`/supervisor/conversations/${conversation.sid}`} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50">
                    Monitor
                  </Link>
                  <button type="button" onClick={() => onTransfer(conversation)} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50">
                    Transfer
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
