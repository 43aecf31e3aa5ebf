import { createClock, type Clock } from '../clock';
import type { State } from '../store/records';
import { Store } from '../store/store';
import * as addressConfigurations from './address-configurations';
import * as configuration from './configuration';
import * as contents from './contents';
import type { DomainContext } from './context';
import * as conversationWebhooks from './conversation-webhooks';
import * as conversationWithParticipants from './conversation-with-participants';
import * as conversations from './conversations';
import * as credentials from './credentials';
import { EventBus } from './events';
import { noopPreActionHook, type PreActionHook } from './hooks';
import * as inbound from './inbound';
import * as lookup from './lookup';
import * as media from './media';
import * as messages from './messages';
import * as outbound from './outbound';
import * as participants from './participants';
import { RateLimiter } from './rate-limit';
import * as receipts from './receipts';
import * as roles from './roles';
import { createInitialState } from './service-factory';
import * as services from './services';
import * as timers from './timer-transitions';
import * as userConversations from './user-conversations';
import * as users from './users';

export type CoreOptions = {
  accountSid: string;
  /** Twilio numbers the account owns (E.164, `whatsapp:` allowed). */
  numbers: readonly string[];
  clock?: Clock;
  /** Twilio's 30 actions/s limit; on by default. */
  rateLimit?: boolean;
  /** Initial state (loaded from a state file); a fresh account when omitted. */
  state?: State;
  /** Resolves once every change so far is persisted. */
  durable?: () => Promise<void>;
  /** Called when media bytes may be dropped (its record is gone and durable). */
  onMediaRemoved?: (sid: string) => void;
};

type Tail<T> = T extends (ctx: DomainContext, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;
type Bound<M> = { [K in keyof M as M[K] extends (ctx: DomainContext, ...rest: never[]) => unknown ? K : never]: Tail<M[K]> };

const bind = <M extends Record<string, unknown>>(ctx: DomainContext, module: M): Bound<M> => {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(module)) {
    if (typeof fn === 'function') out[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(ctx, ...args);
  }
  return out as Bound<M>;
};

/**
 * The emulator's domain core: Twilio Conversations semantics over one store, with no HTTP in it.
 * REST, twilsock and the carrier all call these operations; every change goes through
 * `mutate` (rate limit → validate → pre-action hook → write → events → durable).
 *
 * Operations are grouped by resource and take the context implicitly, e.g.
 * `core.conversations.createConversation(serviceSid, input, origin)`.
 */
export class Core {
  readonly accountSid: string;
  readonly numbers: readonly string[];
  readonly clock: Clock;
  readonly events = new EventBus();
  readonly store: Store;
  readonly limiter: RateLimiter;
  readonly ctx: DomainContext;
  private preActionHook: PreActionHook = noopPreActionHook;

  readonly addressConfigurations;
  readonly configuration;
  readonly contents;
  readonly conversationWebhooks;
  readonly conversationWithParticipants;
  readonly conversations;
  readonly credentials;
  readonly inbound;
  readonly lookup;
  readonly media;
  readonly messages;
  readonly outbound;
  readonly participants;
  readonly receipts;
  readonly roles;
  readonly services;
  readonly timers;
  readonly userConversations;
  readonly users;

  constructor(options: CoreOptions) {
    this.accountSid = options.accountSid;
    this.numbers = [...options.numbers];
    this.clock = options.clock ?? createClock();
    this.store = new Store(options.state ?? createInitialState(this.clock.isoNow()));
    this.limiter = new RateLimiter(this.clock, options.rateLimit ?? true);
    const durable = options.durable ?? (() => Promise.resolve());
    const onMediaRemoved = options.onMediaRemoved ?? (() => undefined);
    this.ctx = {
      accountSid: this.accountSid,
      store: this.store,
      clock: this.clock,
      events: this.events,
      limiter: this.limiter,
      numbers: this.numbers,
      preAction: () => this.preActionHook,
      durable,
      mediaRemoved: (sid) => {
        void durable().then(() => onMediaRemoved(sid), () => undefined);
      },
    };
    this.addressConfigurations = bind(this.ctx, addressConfigurations);
    this.configuration = bind(this.ctx, configuration);
    this.contents = bind(this.ctx, contents);
    this.conversationWebhooks = bind(this.ctx, conversationWebhooks);
    this.conversationWithParticipants = bind(this.ctx, conversationWithParticipants);
    this.conversations = bind(this.ctx, conversations);
    this.credentials = bind(this.ctx, credentials);
    this.inbound = bind(this.ctx, inbound);
    this.lookup = bind(this.ctx, lookup);
    this.media = bind(this.ctx, media);
    this.messages = bind(this.ctx, messages);
    this.outbound = bind(this.ctx, outbound);
    this.participants = bind(this.ctx, participants);
    this.receipts = bind(this.ctx, receipts);
    this.roles = bind(this.ctx, roles);
    this.services = bind(this.ctx, services);
    this.timers = bind(this.ctx, timers);
    this.userConversations = bind(this.ctx, userConversations);
    this.users = bind(this.ctx, users);
  }

  /** The service the short `/v1/...` paths use (named by `/v1/Configuration`). */
  get defaultServiceSid(): string {
    return this.store.state.configuration.defaultChatServiceSid;
  }

  /** Plugs in the pre-action hook (the webhook dispatcher's pre-action webhooks). Pass nothing to restore the no-op. */
  setPreActionHook(hook: PreActionHook = noopPreActionHook): void {
    this.preActionHook = hook;
  }

  /** Empties all state and recreates the default service and configuration. */
  async reset(): Promise<void> {
    this.store.load(createInitialState(this.clock.isoNow()));
    this.limiter.reset();
    this.events.emit({
      type: 'state.reset',
      origin: { source: 'system', webhookEnabled: false },
      at: this.clock.isoNow(),
      serviceSid: this.defaultServiceSid,
    });
    await this.ctx.durable();
  }
}
