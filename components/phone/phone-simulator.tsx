'use client';

import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { channelOfAddress, displayAddress, toE164 } from '@/lib/conversations/phone-address';
import { ComposeForm } from './compose-form';
import { markRead, sendFromPhone, setReachable } from './control-api';
import { MessageBubble } from './message-bubble';
import { PhoneSetupForm } from './phone-setup-form';
import { groupThreads, threadKey, type PhoneThread } from './phone-threads';
import { ThreadList } from './thread-list';
import { usePhoneFeed } from './use-phone-feed';

type Props = { emulatorUrl: string; numbers: string[] };

const OUTCOMES: Record<string, (reason: string | null) => string | null> = {
  delivered: () => null,
  autocreated: () => 'Twilio started a new conversation with this message.',
  dropped: (reason) => `Twilio dropped it${reason ? `: ${reason}` : '.'}`,
  rejected: (reason) => `A pre-action webhook refused it${reason ? `: ${reason}` : '.'}`,
  'not-for-twilio': () => null,
};

/** A simulated customer's phone: pick a number, then text the business as a customer would. */
export function PhoneSimulator({ emulatorUrl, numbers }: Props) {
  const [address, setAddress] = useState<string | null>(null);
  const channel = address ? channelOfAddress(address) : 'sms';
  const channelNumbers = useMemo(() => numbers.filter((n) => channelOfAddress(n) === channel), [numbers, channel]);
  const [chosenNumber, setChosenNumber] = useState('');
  const [others, setOthers] = useState('');
  const twilioNumber = channelNumbers.includes(chosenNumber) ? chosenNumber : (channelNumbers[0] ?? '');
  const feed = usePhoneFeed(emulatorUrl, address);
  const [actionError, setActionError] = useState<string | null>(null);

  const extra = others
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((n) => toE164(n) ?? n);
  const recipients = [twilioNumber, ...extra].filter(Boolean);
  const currentKey = threadKey(recipients);
  const threads = useMemo(() => groupThreads(feed.messages), [feed.messages]);
  const shown = feed.messages.filter((m) => threadKey(m.thread) === currentKey);

  const selectThread = (thread: PhoneThread) => {
    const own = thread.numbers.find((n) => numbers.includes(n));
    if (own) setChosenNumber(own);
    setOthers(thread.numbers.filter((n) => n !== own).join(', '));
  };

  const send = async ({ body, file }: { body: string; file: File | null }) => {
    if (!address) return null;
    const sent = await sendFromPhone(emulatorUrl, { from: address, to: recipients, body, file });
    feed.apply(sent);
    return OUTCOMES[sent.routing.outcome]?.(sent.routing.reason) ?? null;
  };

  const act = (work: () => Promise<unknown>) => {
    setActionError(null);
    work().catch((cause: unknown) => setActionError(cause instanceof Error ? cause.message : 'That did not work.'));
  };

  return (
    <div className="flex flex-col gap-6">
      <PhoneSetupForm
        initialAddress={address}
        onOpen={(next) => {
          setAddress(next);
          setOthers('');
        }}
      />
      {address ? (
        <section aria-label={`Phone ${displayAddress(address)}`} className="grid gap-6 md:grid-cols-[16rem_1fr]">
          <div className="flex flex-col gap-3">
            <h2 className="text-base font-semibold">
              {displayAddress(address)} <span className="text-sm font-normal text-slate-500">({channel === 'whatsapp' ? 'WhatsApp' : 'SMS'})</span>
            </h2>
            <p className="text-xs text-slate-500" aria-live="polite">
              {feed.isLive ? 'Live' : 'Connecting…'}
            </p>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={feed.reachable}
                onChange={(event) => {
                  const next = event.target.checked;
                  act(async () => {
                    await setReachable(emulatorUrl, address, next);
                    feed.setReachable(next);
                  });
                }}
              />
              Phone has service
            </label>
            {channel === 'whatsapp' ? (
              <Button variant="secondary" onClick={() => act(() => markRead(emulatorUrl, address))}>
                Mark all as read
              </Button>
            ) : null}
            <ThreadList threads={threads} selectedKey={currentKey} onSelect={selectThread} />
          </div>
          <div className="flex min-h-96 flex-col gap-3 rounded-xl border border-slate-200 bg-slate-100 p-4">
            <h3 className="text-sm font-medium text-slate-700">
              {recipients.length > 0 ? `With ${recipients.map(displayAddress).join(', ')}` : 'No Twilio number for this channel'}
            </h3>
            {feed.error ? <Alert>{feed.error}</Alert> : null}
            {actionError ? <Alert>{actionError}</Alert> : null}
            <ol className="flex flex-1 flex-col gap-2" aria-label="Messages" aria-live="polite">
              {shown.map((message) => (
                <MessageBubble key={message.sid} message={message} showSender={message.thread.length > 1} />
              ))}
            </ol>
            <ComposeForm
              channel={channel}
              numbers={channelNumbers}
              twilioNumber={twilioNumber}
              others={others}
              isReachable={feed.reachable}
              onTwilioNumberChange={setChosenNumber}
              onOthersChange={setOthers}
              onSend={send}
            />
          </div>
        </section>
      ) : (
        <p className="text-sm text-slate-600">Choose the customer’s number to open their phone.</p>
      )}
    </div>
  );
}
