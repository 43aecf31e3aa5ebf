import { mutate, type DomainContext } from '../domain/context';
import type { CarrierDeliveryRecord, OutboundDelivery } from '../store/records';

/**
 * The carrier's unfinished deliveries, kept in the state so they survive a crash. Planned deliveries are
 * written while the message that causes them is being added: the insert is applied synchronously inside
 * the `message.added` listener, so it lands in the same durable write as the message and nothing the API
 * acknowledged can be lost between the two.
 */
export const recordPendingDeliveries = (
  ctx: DomainContext,
  messageSid: string,
  planned: readonly { sid: string; delivery: OutboundDelivery }[],
): CarrierDeliveryRecord[] => {
  const now = ctx.clock.isoNow();
  const records = planned.map(
    ({ sid, delivery }): CarrierDeliveryRecord => ({ sid, seq: ctx.store.nextSeq(), dateCreated: now, dateUpdated: now, messageSid, delivery }),
  );
  for (const record of records) ctx.store.insert('carrierDeliveries', record);
  return records;
};

/** The delivery's receipt is final (or it can never be delivered): forget it, durably. */
export const finishPendingDelivery = (ctx: DomainContext, sid: string): Promise<void> =>
  mutate(ctx, {
    prepare: () => sid,
    hook: () => null,
    apply: (target) => {
      ctx.store.delete('carrierDeliveries', target);
      return { result: undefined, events: [] };
    },
  });

/** Every unfinished delivery, oldest first (resumed at start). */
export const pendingDeliveries = (ctx: DomainContext): CarrierDeliveryRecord[] => ctx.store.recordsByIndex('carrierDeliveries', 'all');
