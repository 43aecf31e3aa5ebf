'use client';

import { type ReactNode, useState } from 'react';
import { Clock } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { TemplateSender } from '@/components/templates/template-sender';
import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { formatRemaining, useWhatsAppWindow } from './use-whatsapp-window';

type Props = {
  sid: string;
  channel: TConversationChannel;
  closed: boolean;
  messages: readonly MessageRecord[] | undefined;
  customerAddress: string | null;
  customerName: string | null;
  agentName: string | null;
  /** The regular composer: free-form replies while the window is open, private notes always. */
  children: (replyBlockedReason: string | null) => ReactNode;
};

/**
 * WhatsApp's customer service window around the composer. Inside it: a live countdown, free-form
 * replies, and "Insert template". Outside it (and before the customer ever wrote, as in a new
 * outbound conversation): template mode, free-form disabled with the reason. Other channels get the
 * composer unchanged.
 */
export function WhatsAppComposerGate({ sid, channel, closed, messages, customerAddress, customerName, agentName, children }: Props) {
  const serviceWindow = useWhatsAppWindow(channel === 'whatsapp' ? messages : undefined, customerAddress);
  const [inserting, setInserting] = useState(false);
  if (channel !== 'whatsapp' || closed) return children(null);
  const sender = (onDone?: () => void) => (
    <TemplateSender conversationSid={sid} customerName={customerName} agentName={agentName} onSent={onDone} onCancel={onDone} />
  );

  if (!serviceWindow.isOpen) {
    const reason =
      serviceWindow.closesAt === null
        ? 'The customer has not written yet, so WhatsApp only accepts an approved template. Free-form replies open when they answer.'
        : 'WhatsApp’s 24-hour window has closed: free-form replies are disabled until the customer writes again. Send an approved template.';
    return (
      <>
        <section aria-label="Template mode" data-testid="template-mode" className="flex flex-col gap-3 border-t border-slate-200 bg-white px-4 py-3">
          <p role="status" data-testid="whatsapp-window" data-open="false" className="flex items-center gap-1.5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <Clock aria-hidden className="size-4 shrink-0" />
            {reason}
          </p>
          {sender()}
        </section>
        {/* Private notes still work; free-form replies are off with the reason. */}
        {children('Free-form replies are disabled outside WhatsApp’s 24-hour window')}
      </>
    );
  }

  return (
    <>
      <div className="flex items-center justify-between gap-2 border-t border-slate-200 bg-emerald-50 px-4 py-1 text-xs text-emerald-900">
        <span role="status" data-testid="whatsapp-window" data-open="true" className="flex items-center gap-1">
          <Clock aria-hidden className="size-3.5" />
          Window closes in {formatRemaining(serviceWindow.remainingMs)}
        </span>
        <Button variant="ghost" className="py-0.5 text-xs" aria-expanded={inserting} onClick={() => setInserting((open) => !open)}>
          Insert template
        </Button>
      </div>
      {inserting ? <div className="border-t border-slate-200 bg-white px-4 py-3">{sender(() => setInserting(false))}</div> : null}
      {children(null)}
    </>
  );
}
