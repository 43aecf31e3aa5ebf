import type { Clock } from '../clock';
import type { Store } from '../store/store';
import type { DomainEvent, EventBus } from './events';
import type { PreActionHook, PreActionModifications, PreActionRequest } from './hooks';
import type { RateBucket, RateLimiter } from './rate-limit';

/** What every domain module works with. Built once by `Core`. */
export type DomainContext = {
  readonly accountSid: string;
  readonly store: Store;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly limiter: RateLimiter;
  /** Twilio numbers the account owns: E.164 SMS numbers and `whatsapp:` senders. */
  readonly numbers: readonly string[];
  /** Current pre-action hook (replaceable at run time). */
  preAction(): PreActionHook;
  /** Resolves once every change so far is persisted (immediately when state is in memory only). */
  durable(): Promise<void>;
  /** Media content whose record was deleted; the media store drops the bytes once the change is durable. */
  mediaRemoved(mediaSid: string): void;
};

type MutationSpec<P, R> = {
  /** Rate-limit key and a label for the 429 message; omitted for carrier/system changes. */
  rate?: RateBucket | null;
  /**
   * Validates the request against the current state and returns a plan. Must not write. Runs before the
   * pre-action hook and again after it (with the hook's modifications), because the state may have
   * changed while the hook was awaited.
   */
  prepare(modifications: PreActionModifications | undefined): P;
  /** The pre-action request for this plan, or null when no hook applies. */
  hook(plan: P): PreActionRequest | null;
  /** Writes the plan to the store. Synchronous, so nothing interleaves. Returns the result and events. */
  apply(plan: P): { result: R; events: DomainEvent[] };
};

/**
 * The one path every mutation takes: rate limit → validate → pre-action hook → validate again →
 * write → emit events → wait until durable. A rejection at any step before `apply` changes nothing.
 */
export const mutate = async <P, R>(ctx: DomainContext, spec: MutationSpec<P, R>): Promise<R> => {
  if (spec.rate) ctx.limiter.take(spec.rate.key, spec.rate.label);
  let plan = spec.prepare(undefined);
  const request = spec.hook(plan);
  if (request) {
    const modifications = (await ctx.preAction()(request)) ?? undefined;
    plan = spec.prepare(modifications);
  }
  const { result, events } = spec.apply(plan);
  for (const event of events) ctx.events.emit(event);
  await ctx.durable();
  return result;
};

/** Keeps only the keys a request actually set, so `{...record, ...defined(input)}` updates cleanly. */
export const defined = <T extends object>(value: T): Partial<T> => {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
};

/** Names of fields that differ between two records (shallow, JSON-compared). */
export const changedFields = <T extends object>(before: T, after: T): (keyof T)[] =>
  (Object.keys(after) as (keyof T)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
