'use client';

import { memo } from 'react';
import { clockTime } from '@/lib/inbox/format';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { TemplateBubble } from '@/components/templates/template-bubble';
import { AttachmentView } from './attachment-view';
import { DeliveryIndicator } from './delivery-indicator';

type Props = {
  message: MessageRecord;
  isOwn: boolean;
  authorName: string;
  showsDelivery: boolean;
  seenBy: string[];
};

export const MessageBubble = memo(function MessageBubble({ message, isOwn, authorName, showsDelivery, seenBy }: Props) {
  return (
    <article
      aria-label={`${authorName} at ${clockTime(message.dateCreated)}`}
      data-testid="message"
      data-index={message.index}
      className={`flex flex-col gap-1 px-4 py-1 ${isOwn ? 'items-end' : 'items-start'}`}
    >
      {!isOwn ? <span className="px-1 text-xs font-medium text-slate-600">{authorName}</span> : null}
      {message.media.map((media) => (
        <AttachmentView key={media.sid} messageSid={message.sid} media={media} />
      ))}
      {message.template ? <TemplateBubble preview={message.template.preview} name={message.template.name} /> : null}
      {!message.template && message.contentSid && !message.body ? (
        // Sent from a template by something other than this app: Twilio renders it for the customer.
        <p data-testid="message-body" className="rounded-2xl bg-white px-3 py-2 text-sm italic text-slate-600 ring-1 ring-slate-200">
          Template message ({message.contentSid})
        </p>
      ) : null}
      {message.body ? (
        <p
          data-testid="message-body"
          className={`max-w-[75%] whitespace-pre-wrap break-words rounded-2xl px-3 py-2 text-sm ${isOwn ? 'rounded-br-md bg-indigo-600 text-white' : 'rounded-bl-md bg-white text-slate-900 ring-1 ring-slate-200'}`}
        >
          {message.body}
        </p>
      ) : null}
      <div className="flex gap-2 px-1 text-[11px] text-slate-500">
        <time dateTime={new Date(message.dateCreated).toISOString()}>{clockTime(message.dateCreated)}</time>
        {showsDelivery ? <DeliveryIndicator messageSid={message.sid} summary={message.delivery} /> : null}
      </div>
      {seenBy.length > 0 ? (
        <span className="px-1 text-[11px] text-slate-500" data-testid="seen-by">
          Seen by {seenBy.join(', ')}
        </span>
      ) : null}
    </article>
  );
});
