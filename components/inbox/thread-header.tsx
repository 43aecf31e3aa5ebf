'use client';

import { conversationChannel, conversationTitle } from '@/lib/inbox/conversation-view';
import { displayAddress } from '@/lib/conversations/phone-address';
import type { ConversationRecord } from '@/lib/conversations/view-records';
import { ChannelBadge } from './channel-badge';

export function ThreadHeader({ conversation }: { conversation: ConversationRecord }) {
  const customer = conversation.switchboard?.customer;
  const number = conversation.switchboard?.twilioNumber;
  const title = conversationTitle(conversation);
  const broadcast = conversation.switchboard?.broadcast;
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
      <ChannelBadge channel={conversationChannel(conversation)} />
      <div className="min-w-0">
        <h2 className="truncate text-sm font-semibold">{title}</h2>
        <p className="truncate text-xs text-slate-500">
          {customer?.name && customer.address ? `${displayAddress(customer.address)} · ` : ''}
          {number ? `to ${displayAddress(number)}` : ''}
          {broadcast ? ` · replying to broadcast “${broadcast.name}”` : ''}
        </p>
      </div>
      {conversation.state !== 'active' ? (
        <span className="ml-auto rounded bg-slate-100 px-2 py-0.5 text-xs font-medium capitalize text-slate-600">{conversation.state}</span>
      ) : null}
    </header>
  );
}
