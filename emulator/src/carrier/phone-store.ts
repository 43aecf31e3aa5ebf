import { mutate, type DomainContext } from '../domain/context';
import type { CarrierMedia, CarrierMediaRecord, CarrierMessageRecord, CarrierStatus } from '../store/records';

/**
 * Writes to the carrier's part of the state (phones' message stores, media, reachability). They take
 * the same path as domain changes, so they are persisted and durable before a control call answers,
 * but emit no domain events: a phone is not Twilio. The carrier tells its own listeners (SSE).
 */
export type NewEntry = Omit<CarrierMessageRecord, 'seq' | 'dateCreated' | 'dateUpdated'>;

export const insertEntries = (ctx: DomainContext, entries: readonly NewEntry[]): Promise<CarrierMessageRecord[]> =>
  mutate(ctx, {
    prepare: () => entries,
    hook: () => null,
    apply: (list) => {
      const now = ctx.clock.isoNow();
      const records = list.map((entry): CarrierMessageRecord => ({ ...entry, seq: ctx.store.nextSeq(), dateCreated: now, dateUpdated: now }));
      for (const record of records) ctx.store.insert('carrierMessages', record);
      return { result: records, events: [] };
    },
  });

/** Sets the status of several entries in one write; null for an entry that is gone. */
export const updateEntriesStatus = (
  ctx: DomainContext,
  sids: readonly string[],
  status: CarrierStatus,
  errorCode: number | null = null,
): Promise<(CarrierMessageRecord | null)[]> =>
  mutate(ctx, {
    prepare: () => sids,
    hook: () => null,
    apply: (list) => {
      const now = ctx.clock.isoNow();
      const records = list.map((sid) => {
        const current = ctx.store.get('carrierMessages', sid);
        if (!current) return null;
        const next: CarrierMessageRecord = { ...current, status, errorCode, dateUpdated: now };
        ctx.store.replace('carrierMessages', next);
        return next;
      });
      return { result: records, events: [] };
    },
  });

export const insertCarrierMedia = (ctx: DomainContext, media: readonly CarrierMedia[]): Promise<CarrierMediaRecord[]> =>
  mutate(ctx, {
    prepare: () => media,
    hook: () => null,
    apply: (list) => {
      const now = ctx.clock.isoNow();
      const records = list.map((m): CarrierMediaRecord => ({ ...m, seq: ctx.store.nextSeq(), dateCreated: now, dateUpdated: now }));
      for (const record of records) ctx.store.insert('carrierMedia', record);
      return { result: records, events: [] };
    },
  });

export const setPhoneReachable = (ctx: DomainContext, address: string, reachable: boolean) =>
  mutate(ctx, {
    prepare: () => reachable,
    hook: () => null,
    apply: (value) => {
      ctx.store.state.carrierPhones[address] = { reachable: value };
      ctx.store.touch();
      return { result: value, events: [] };
    },
  });

export const isReachable = (ctx: DomainContext, address: string): boolean => ctx.store.state.carrierPhones[address]?.reachable ?? true;

/** A phone's messages, oldest first. */
export const entriesOf = (ctx: DomainContext, address: string): CarrierMessageRecord[] =>
  ctx.store.recordsByIndex('carrierMessages', 'byPhone', address);
