import { phone as controlPhone, type PhoneMessage, type SendAnswer } from '../src/control-client';
import { kitStep } from './kit-step';
import { waitForPhoneMessage } from './phone-feed';

/** A file a phone sends: the shape of Playwright's `setInputFiles` payloads. */
export type MediaFile = { name: string; mimeType: string; buffer: Buffer };

/** Exact body, a pattern the body matches, or a predicate over the whole message. */
export type MessageMatcher = string | RegExp | ((message: PhoneMessage) => boolean);

export type ExpectMessageOptions = {
  /** Only messages from this number (a Twilio number, or a projected address in a group text). */
  from?: string;
  /** Default 10 s. */
  timeout?: number;
};

/** A customer's phone on the emulator's simulated carrier. */
export type Phone = {
  /** `+15558675310` (SMS) or `whatsapp:+15558675310`. */
  readonly address: string;
  /**
   * Sends a text (several `to` numbers make a group MMS) and answers once Twilio has routed it:
   * `routing.outcome` is `delivered`, `autocreated`, `dropped`, `rejected` or `not-for-twilio`.
   */
  send(to: string | readonly string[], body?: string, options?: { media?: readonly (MediaFile | string)[] }): Promise<SendAnswer>;
  /**
   * Resolves with the first message this phone has received that matches (one already there counts),
   * waiting on the emulator's event feed; throws after the timeout, listing what the phone has.
   */
  expectMessage(matcher: MessageMatcher, options?: ExpectMessageOptions): Promise<PhoneMessage>;
  /** Everything the phone sent and received, oldest first. */
  messages(): Promise<PhoneMessage[]>;
  /** `false` takes the phone off the network: Twilio's deliveries end `undelivered` (30003), and it cannot send. */
  setReachable(reachable: boolean): Promise<void>;
  /** A WhatsApp user reads everything received: Twilio gets `read` receipts. Returns how many were read. */
  read(): Promise<number>;
};

const describeMatcher = (matcher: MessageMatcher) =>
  typeof matcher === 'string' ? JSON.stringify(matcher) : matcher instanceof RegExp ? String(matcher) : 'a message the predicate accepts';

const accepts = (matcher: MessageMatcher, message: PhoneMessage) =>
  typeof matcher === 'string' ? message.body === matcher : matcher instanceof RegExp ? matcher.test(message.body ?? '') : matcher(message);

/** A fresh US number in the 555 range, for a customer no other test uses. */
export const uniquePhoneNumber = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/**
 * A phone driven through the emulator's control API (`/emulator/v1/Carrier/…`). `signal` ends its
 * pending waits when the test that made it is over.
 */
export const createPhone = (emulatorUrl: string, address: string, signal?: AbortSignal): Phone => {
  const carrier = controlPhone({ url: emulatorUrl });
  const upload = async (file: MediaFile | string) =>
    typeof file === 'string' ? file : (await carrier.upload(file.buffer, file.mimeType, file.name)).url;
  const messages = () => carrier.messages(address);
  return {
    address,
    send: (to, body, options = {}) =>
      kitStep(`phone ${address} sends ${JSON.stringify(body ?? '')} to ${[to].flat().join(', ')}`, async () =>
        carrier.send({ from: address, to: [to].flat(), body: body === '' ? undefined : body, mediaUrl: await Promise.all((options.media ?? []).map(upload)) }),
      ),
    expectMessage: (matcher, options = {}) => {
      const describe = `${address} to receive ${describeMatcher(matcher)}${options.from ? ` from ${options.from}` : ''}`;
      return kitStep(`expect ${describe}`, () =>
        waitForPhoneMessage({
          url: emulatorUrl,
          address,
          snapshot: messages,
          accept: (m) => m.direction === 'received' && (!options.from || m.from === options.from) && accepts(matcher, m),
          timeoutMs: options.timeout ?? 10_000,
          describe,
          signal,
        }),
      );
    },
    messages,
    setReachable: (reachable) =>
      kitStep(`phone ${address} ${reachable ? 'back on' : 'off'} the network`, async () => {
        await carrier.setReachable(address, reachable);
      }),
    read: () => kitStep(`phone ${address} reads its messages`, async () => (await carrier.read(address)).read),
  };
};
