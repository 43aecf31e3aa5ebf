'use client';

import { useEffect, useRef, useState } from 'react';
import { ConversationLabelsEditor } from '@/components/labels/conversation-labels-editor';
import { TransferDialog } from '@/components/transfers/transfer-dialog';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { displayAddress } from '@/lib/conversations/phone-address';
import { channelLabel } from '@/lib/conversations/conversation-descriptor';
import { conversationChannel, conversationTitle } from '@/lib/inbox/conversation-view';
import type { ParticipantRecord } from '@/lib/conversations/view-records';
import { ContactPanel } from '@/components/contacts/contact-panel';
import { isShown, useConversationCommands, type ConversationCommand } from '@/components/keyboard/inbox-commands';
import { CustomerTimeline } from './customer-timeline';
import { useInbox } from './inbox-context';
import { useStartConversationWith } from './start-conversation-context';
import { SnoozeControls } from './snooze-controls';

const NONE: Record<string, ParticipantRecord> = {};

/** Moves the keyboard to the labels or the snooze controls; in view, as the panel may scroll. */
function focusControl(panel: HTMLElement, target: 'label' | 'snooze'): void {
  const control = panel.querySelector<HTMLElement>(`[data-command-target="${target}"] :is(input, button):not(:disabled)`);
  control?.focus();
  control?.scrollIntoView({ block: 'nearest' });
}

/** `initialCommand`: a shortcut that opened the panel as a sheet, to act on once it is showing. */
export function DetailsPanel({ sid, initialCommand }: { sid: string; initialCommand?: ConversationCommand }) {
  const conversation = useInbox((state) => state.conversations[sid]);
  const participants = useInbox((state) => state.participants[sid] ?? NONE);
  const userNames = useInbox((state) => state.userNames);
  const identity = useInbox((state) => state.identity);
  const startWith = useStartConversationWith();
  const [confirming, setConfirming] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const { run, pending, error } = useAction({ fallback: 'Could not close the conversation.' });
  const panel = useRef<HTMLElement>(null);
  const isOpen = Boolean(conversation && conversation.state !== 'closed');
  const act = (command: ConversationCommand) => {
    if (!panel.current) return;
    if (command === 'label' || command === 'snooze') focusControl(panel.current, command);
    else if (command === 'transfer' && isOpen && identity) setTransferring(true);
    else if (command === 'close' && isOpen) setConfirming(true);
  };
  // The panel beside the thread stays mounted on narrow screens, hidden: the sheet's copy acts there.
  useConversationCommands((command) => {
    if (isShown(panel.current)) act(command);
  });
  const initial = useRef(initialCommand);
  useEffect(() => {
    const command = initial.current;
    if (!command) return;
    initial.current = undefined;
    // After the sheet has opened: opening a modal moves focus to its first control.
    const frame = requestAnimationFrame(() => act(command));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  if (!conversation) return null;

  const customer = conversation.switchboard?.customer;
  const number = conversation.switchboard?.twilioNumber;
  const close = () =>
    run(async () => {
      await apiFetch(`/api/conversations/${sid}/close`, { method: 'POST' });
      setConfirming(false);
    });

  const rows: [string, string][] = [
    ['Customer', customer?.name ?? conversationTitle(conversation)],
    ...(customer?.address ? ([['Number', displayAddress(customer.address)]] as [string, string][]) : []),
    ['Channel', channelLabel(conversationChannel(conversation))],
    ...(number ? ([['Your number', displayAddress(number)]] as [string, string][]) : []),
    ['State', conversation.state[0]!.toUpperCase() + conversation.state.slice(1)],
    ...(conversation.dateCreated ? ([['Created', new Date(conversation.dateCreated).toLocaleString()]] as [string, string][]) : []),
  ];

  return (
    <aside ref={panel} aria-label="Conversation details" className="flex h-full flex-col gap-4 overflow-y-auto border-l border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">Details</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-500">{term}</dt>
            <dd className="truncate">{value}</dd>
          </div>
        ))}
      </dl>
      <ContactPanel
        conversationSid={sid}
        onStartConversation={
          startWith
            ? (contact) => {
                // The address of the channel the customer last used here, else their first.
                const phone = contact.addresses.find((entry) => entry.address === customer?.address) ?? contact.addresses.find((entry) => entry.channel === 'sms' || entry.channel === 'whatsapp');
                if (!phone) return;
                startWith({ channel: phone.channel === 'whatsapp' ? 'whatsapp' : 'sms', customerNumber: displayAddress(phone.address), customerName: contact.name ?? '' });
              }
            : undefined
        }
      />
      <section aria-labelledby="participants-heading">
        <h3 id="participants-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">Participants</h3>
        <ul className="mt-1.5 flex flex-col gap-1">
          {Object.values(participants).map((participant) => (
            <li key={participant.sid} className="flex justify-between gap-2">
              <span className="truncate">
                {participant.identity ? (userNames[participant.identity] ?? participant.identity) : (customer?.name ?? 'Customer')}
              </span>
              <span className="text-xs uppercase text-slate-500">{participant.type}</span>
            </li>
          ))}
        </ul>
      </section>
      <CustomerTimeline sid={sid} />
      <div data-command-target="label" className="contents">
        <ConversationLabelsEditor sid={sid} />
      </div>
      {conversation.state !== 'closed' ? (
        <div data-command-target="snooze" className="contents">
          <SnoozeControls sid={sid} />
        </div>
      ) : null}
      {conversation.state !== 'closed' ? (
        <div className="mt-auto flex flex-col gap-2">
          <Button variant="secondary" onClick={() => setTransferring(true)} className="w-full">Transfer</Button>
          <Button variant="danger" onClick={() => setConfirming(true)} className="w-full">Close conversation</Button>
          {error ? <p role="alert" className="mt-2 text-xs text-red-700">{error}</p> : null}
        </div>
      ) : null}
      {transferring && identity ? (
        <TransferDialog conversationSid={sid} currentAssigneeId={identity} viewerId={identity} onClose={() => setTransferring(false)} onTransferred={() => undefined} />
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Close this conversation?"
        confirmLabel="Close conversation"
        pending={pending}
        onConfirm={() => void close()}
        onCancel={() => setConfirming(false)}
      >
        It moves to Closed and no more messages can be sent. If the customer writes again, a new conversation starts.
      </ConfirmDialog>
    </aside>
  );
}
