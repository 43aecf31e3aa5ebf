import { EventSource } from 'eventsource';
import type { PhoneMessage } from '../src/control-client';

export type PhoneFeedWait = {
  /** The emulator's base URL. */
  url: string;
  address: string;
  /** Loads what the phone already has (`…/Messages`): what happened before the feed connected. */
  snapshot: () => Promise<PhoneMessage[]>;
  accept: (message: PhoneMessage) => boolean;
  timeoutMs: number;
  /** Says what was awaited, for the timeout's message. */
  describe: string;
  /** Ends the wait early (the test is over). */
  signal?: AbortSignal;
};

const summary = (messages: Iterable<PhoneMessage>) => {
  const lines = [...messages].map((m) => `  ${m.direction} ${m.direction === 'sent' ? `to ${m.to.join(', ')}` : `from ${m.from}`}: ${JSON.stringify(m.body)} (${m.status}${m.error_code ? ` ${m.error_code}` : ''})`);
  return lines.length > 0 ? lines.join('\n') : '  nothing';
};

/**
 * Resolves with the first message of the phone that `accept`s, as soon as the emulator's live feed
 * (`GET …/Carrier/Phones/{address}/Events`, Server-Sent Events) reports it: no polling. On every
 * (re)connection the phone's list is loaded once, so a message from before the feed opened, or from
 * while it was reconnecting after an emulator restart, still counts.
 */
export const waitForPhoneMessage = (wait: PhoneFeedWait): Promise<PhoneMessage> =>
  new Promise<PhoneMessage>((resolve, reject) => {
    const seen = new Map<string, PhoneMessage>();
    const source = new EventSource(`${wait.url}/emulator/v1/Carrier/Phones/${encodeURIComponent(wait.address)}/Events`);
    let isSettled = false;
    const settle = (outcome: { message: PhoneMessage } | { error: Error }) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      source.close();
      wait.signal?.removeEventListener('abort', onAbort);
      if ('message' in outcome) resolve(outcome.message);
      else reject(outcome.error);
    };
    const consider = (message: PhoneMessage) => {
      seen.set(message.sid, message);
      if (wait.accept(message)) settle({ message });
    };
    const onAbort = () => settle({ error: new Error(`Stopped waiting for ${wait.describe}: the test ended`) });

    source.addEventListener('open', () => {
      wait.snapshot().then(
        (messages) => messages.forEach(consider),
        (error: unknown) => settle({ error: error instanceof Error ? error : new Error(String(error)) }),
      );
    });
    source.addEventListener('message', (event) => consider(JSON.parse(event.data) as PhoneMessage));
    source.addEventListener('reset', () => seen.clear());
    source.addEventListener('error', (event) => {
      // EventSource retries a dropped connection by itself; a refused one (4xx/5xx) is final.
      if (source.readyState === EventSource.CLOSED) {
        settle({ error: new Error(`The emulator refused ${wait.address}'s event feed (${event.code ?? 'no status'}): ${event.message ?? 'closed'}`) });
      }
    });
    const timer = setTimeout(
      () => settle({ error: new Error(`Timed out after ${wait.timeoutMs} ms waiting for ${wait.describe}. The phone has:\n${summary(seen.values())}`) }),
      wait.timeoutMs,
    );
    wait.signal?.addEventListener('abort', onAbort);
  });
