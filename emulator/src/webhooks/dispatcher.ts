import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Core } from '../domain/core';
import { ERROR_CODES, TwilioError } from '../domain/errors';
import type { DomainEvent } from '../domain/events';
import type { PreActionHook, PreActionModifications } from '../domain/hooks';
import type { Origin } from '../domain/origin';
import { sendWebhook, WebhookTimeout } from './http-send';
import { readModifications } from './modifications';
import { postActionEvents, preActionEvent, type WebhookEvent } from './payloads';
import { postActionTargets, preActionTargets, type WebhookTarget } from './targets';

export type WebhookLogger = { warn(message: string): void };

export type WebhookOptions = {
  /** Signs every request (`X-Twilio-Signature`), as Twilio signs with the account's auth token. */
  authToken: string;
  /** How long a pre-action webhook may take before the change goes ahead unmodified. Twilio: 5 s. */
  preActionTimeoutMs?: number;
  /** How long one post-action attempt may take before it counts as failed. Default 5 s. */
  postActionTimeoutMs?: number;
  /** Waits before each retry of a failed post-action delivery; its length bounds the retries. */
  retryDelaysMs?: readonly number[];
  logger?: WebhookLogger;
};

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000] as const;

export type WebhookDispatcher = {
  /** The pre-action hook plugged into the domain. */
  preAction: PreActionHook;
  /** Resolves once no delivery is in flight or waiting for a retry (tests). */
  idle(): Promise<void>;
  /** Stops listening, cancels pending retries and in-flight requests. */
  close(): void;
};

/** Twilio fires webhooks for REST changes only when the caller asked with `X-Twilio-Webhook-Enabled`. */
const fires = (origin: Origin) => origin.source !== 'api' || origin.webhookEnabled;

/**
 * The webhook adapter: Twilio's dispatch semantics on top of the domain's pre-action hook and events,
 * with no Conversations rule of its own.
 *
 * Pre-action: the account-level, then the service-level URL is called and awaited. A non-2xx answer
 * rejects the change (the caller gets 50550, nothing is written); a 2xx answer with JSON may modify it;
 * no answer within the timeout (or no connection) lets it go ahead unmodified.
 *
 * Post-action: after the change is durable, each matching URL (account, service, conversation-scoped) is
 * called without blocking anything. A network error, timeout or 5xx is retried after each delay in
 * `retryDelaysMs` with `RetryCount` counting up and the same `I-Twilio-Idempotency-Token`; a 4xx is an
 * answer and is not retried.
 */
export const attachWebhooks = (core: Core, options: WebhookOptions): WebhookDispatcher => {
  const preTimeout = options.preActionTimeoutMs ?? 5_000;
  const postTimeout = options.postActionTimeoutMs ?? 5_000;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const logger = options.logger ?? { warn: (message: string) => console.warn(`[emulator] ${message}`) };
  const shutdown = new AbortController();
  // Every request in flight listens for shutdown; there may be many.
  setMaxListeners(0, shutdown.signal);
  const timers = new Set<NodeJS.Timeout>();
  let pending = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    pending -= 1;
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };

  const callPreAction = async (target: WebhookTarget, event: WebhookEvent): Promise<PreActionModifications | undefined> => {
    let response;
    try {
      response = await sendWebhook(target, { ...event.params, RetryCount: '0' }, {
        authToken: options.authToken,
        timeoutMs: preTimeout,
        idempotencyToken: randomUUID(),
        signal: shutdown.signal,
      });
    } catch (error) {
      const why = error instanceof WebhookTimeout ? error.message : `${target.url} unreachable (${(error as Error).message})`;
      logger.warn(`pre-action ${event.eventType}: ${why}; the change goes ahead unmodified`);
      return undefined;
    }
    if (response.status < 200 || response.status > 299) {
      throw new TwilioError(
        ERROR_CODES.webhookRejected,
        403,
        `The ${event.eventType} pre-action webhook (${target.level} level) rejected the change with HTTP ${response.status}`,
      );
    }
    return readModifications(event.eventType as Parameters<typeof readModifications>[0], response.body);
  };

  const preAction: PreActionHook = async (request) => {
    if (!fires(request.origin)) return undefined;
    const event = preActionEvent(core.ctx, request);
    let modifications: PreActionModifications | undefined;
    for (const target of preActionTargets(core.ctx, event)) {
      const answer = await callPreAction(target, event);
      if (answer) modifications = { ...modifications, ...answer };
    }
    return modifications;
  };

  /** One attempt; on a failure it schedules the next one. Resolves once this attempt is over. */
  const attemptDelivery = (target: WebhookTarget, event: WebhookEvent, token: string, attempt: number): Promise<void> => {
    pending += 1;
    return sendWebhook(target, { ...event.params, RetryCount: String(attempt) }, {
      authToken: options.authToken,
      timeoutMs: postTimeout,
      idempotencyToken: token,
      signal: shutdown.signal,
    })
      .then(
        (response) => (response.status >= 500 ? `HTTP ${response.status}` : null),
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      .then((failure) => {
        if (failure === null || shutdown.signal.aborted) return;
        const delay = delays[attempt];
        if (delay === undefined) {
          logger.warn(`post-action ${event.eventType} to ${target.url} failed after ${attempt + 1} attempts (${failure}); giving up`);
          return;
        }
        pending += 1;
        const timer = setTimeout(() => {
          timers.delete(timer);
          void attemptDelivery(target, event, token, attempt + 1);
          settle();
        }, delay);
        timers.add(timer);
      })
      .finally(settle);
  };

  // First attempts of one conversation's events to one URL go out one after another, in the order
  // the changes happened, so a receiver sees `sent` before `delivered`; different conversations go
  // out side by side, as Twilio's do — one queue per URL would make a busy account's webhooks wait
  // behind each other, seconds behind the traffic. A slow URL delays only itself (by at most the
  // timeout). Retries are out of band: they never hold up later events.
  const queues = new Map<string, Promise<void>>();
  const deliver = (target: WebhookTarget, event: WebhookEvent) => {
    const token = randomUUID();
    const key = `${target.url} ${event.conversationSid ?? ''}`;
    pending += 1; // counted while it waits its turn, so idle() waits for it too
    const tail = (queues.get(key) ?? Promise.resolve()).then(() => attemptDelivery(target, event, token, 0)).finally(settle);
    queues.set(key, tail);
    void tail.finally(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
  };

  const onEvent = (domainEvent: DomainEvent) => {
    if (!fires(domainEvent.origin)) return;
    for (const event of postActionEvents(core.ctx, domainEvent)) {
      const removed = domainEvent.type === 'conversation.removed' ? (domainEvent.webhooks ?? []) : undefined;
      const targets = postActionTargets(core.ctx, event, removed);
      if (targets.length === 0) continue;
      // Post-action means "after publication": wait until the change is durable, then send.
      pending += 1;
      core.ctx
        .durable()
        .catch(() => undefined)
        .then(() => {
          if (shutdown.signal.aborted) return;
          for (const target of targets) deliver(target, event);
        })
        .finally(settle);
    }
  };

  const unsubscribe = core.events.on(onEvent);
  core.setPreActionHook(preAction);

  return {
    preAction,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    close: () => {
      unsubscribe();
      core.setPreActionHook();
      shutdown.abort();
      for (const timer of timers) {
        clearTimeout(timer);
        settle();
      }
      timers.clear();
    },
  };
};
