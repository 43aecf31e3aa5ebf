import { DEFAULT_RECEIPT_DELAYS, type ReceiptDelays } from '../config';
import type { Core } from '../domain/core';
import { DELIVERY_ERROR_CODES } from '../domain/errors';
import type { DomainEvent } from '../domain/events';
import type { InboundOutcome } from '../domain/inbound';
import type { BlobStore } from '../media/blob-store';
import type { CarrierDeliveryRecord, CarrierMedia, CarrierMediaRecord, CarrierMessageRecord, MessageMedia, MessageRecord, OutboundDelivery } from '../store/records';
import type { CarrierTraffic } from '../orchestrator/capture';
import { newSid } from '../store/sid';
import { finishPendingDelivery, pendingDeliveries, recordPendingDeliveries } from './pending-deliveries';
import { entriesOf, insertCarrierMedia, insertEntries, isReachable, setPhoneReachable, updateEntriesStatus, type NewEntry } from './phone-store';
import { checkPhoneSend, type PhoneSend } from './send-rules';

export type CarrierChange =
  | { kind: 'entry'; entry: CarrierMessageRecord }
  | { kind: 'phone'; address: string; reachable: boolean }
  | { kind: 'reset' };

export type CarrierLogger = { info(message: string): void };

/** What the carrier tells Conversation Orchestrator (capture) about the traffic it carries. */
export type TrafficObserver = {
  /** A phone wrote to one of the account's numbers; runs before Twilio routes it (the v1 bridge opens here). */
  inbound(traffic: CarrierTraffic): Promise<void>;
  /** Twilio sent a message from one of its numbers. */
  outbound(traffic: CarrierTraffic): void;
  delivery(channelId: string, status: 'DELIVERED' | 'FAILED'): void;
};

export type CarrierOptions = {
  blobs: BlobStore;
  traffic?: TrafficObserver;
  receiptDelays?: ReceiptDelays;
  logger?: CarrierLogger;
};

export type Carrier = {
  /** A customer's phone sends; answers once Twilio has routed it (or dropped it). */
  send(input: PhoneSend): Promise<{ entry: CarrierMessageRecord; routing: InboundOutcome }>;
  uploadMedia(input: { bytes: Buffer; contentType: string; filename: string | null }): Promise<CarrierMediaRecord>;
  mediaOf(sid: string): CarrierMediaRecord | undefined;
  messagesOf(address: string): CarrierMessageRecord[];
  /** A WhatsApp user reads everything received: `read` receipts for Twilio's messages. */
  markRead(address: string): Promise<number>;
  setReachable(address: string, reachable: boolean): Promise<void>;
  isReachable(address: string): boolean;
  onChange(listener: (change: CarrierChange) => void): () => void;
  /**
   * A message Twilio sends outside Conversations (Programmable Messaging): it reaches the phone under
   * `sid` when the phone is reachable. Resolves with the outcome.
   */
  deliverDirect(input: { sid: string; channel: 'sms' | 'whatsapp'; from: string; to: string; body: string }): Promise<'delivered' | 'undelivered'>;
  /** Resolves once no outbound delivery is in progress (tests). */
  idle(): Promise<void>;
  /** The pauses of deliveries from now on (the control API changes them at run time). */
  receiptDelays(): ReceiptDelays;
  setReceiptDelays(delays: ReceiptDelays): void;
  close(): void;
};

const channelSid = (channel: 'sms' | 'whatsapp', hasMedia: boolean) => newSid(channel === 'whatsapp' ? 'WA' : hasMedia ? 'MM' : 'SM');

/**
 * The simulated SMS/WhatsApp network. Phones send through `send` (inbound to Twilio goes through the
 * domain's routing); Twilio's outbound comes from `message.added` events, planned by the domain
 * (`planOutbound`) and executed here step by step, with the receipts reported back
 * (`queued` → `sent` → `delivered`, or `undelivered` when the phone is unreachable; `read` when a
 * WhatsApp user reads). No Twilio rule lives here: only phones, their stores and reachability.
 */
export const attachCarrier = (core: Core, options: CarrierOptions): Carrier => {
  const ctx = core.ctx;
  const { blobs, traffic } = options;
  let delays = { ...(options.receiptDelays ?? DEFAULT_RECEIPT_DELAYS) };
  const logger = options.logger ?? { info: (message: string) => console.log(`[emulator] ${message}`) };
  const listeners = new Set<(change: CarrierChange) => void>();
  let pending = 0;
  let waiters: (() => void)[] = [];
  let closed = false;

  const emit = (change: CarrierChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[emulator] carrier listener threw', error);
      }
    }
  };
  const emitEntries = (entries: readonly (CarrierMessageRecord | null)[]) => {
    for (const entry of entries) if (entry) emit({ kind: 'entry', entry });
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms > 0) setTimeout(resolve, ms).unref();
      else setImmediate(resolve);
    });

  /** Copies media bytes under new SIDs: each side (phone, conversation) owns its copy. */
  const copyMedia = async (media: readonly (CarrierMedia | MessageMedia)[]): Promise<MessageMedia[]> => {
    const out: MessageMedia[] = [];
    for (const m of media) {
      const bytes = blobs.get(m.sid);
      if (!bytes) continue;
      const sid = newSid('ME');
      await blobs.put(sid, bytes);
      out.push({ sid, contentType: m.contentType, filename: m.filename, size: m.size });
    }
    return out;
  };

  /** Records the media copies phones received, all in one write. */
  const storeReceivedMedia = async (copies: readonly CarrierMedia[]) => {
    if (copies.length > 0) await insertCarrierMedia(ctx, copies);
  };

  const send: Carrier['send'] = async (input) => {
    const checked = checkPhoneSend(ctx, input);
    const sid = channelSid(checked.channel, checked.media.length > 0);
    const phones = checked.to.filter((a) => !core.numbers.includes(a));
    const reachablePhones = phones.filter((a) => isReachable(ctx, a));
    const reachedSomeone = reachablePhones.length > 0 || phones.length < checked.to.length;
    const base = { channel: checked.channel, from: checked.from, to: checked.to, body: checked.body, receipt: null, errorCode: null };
    const entries: NewEntry[] = [
      {
        ...base,
        sid,
        phone: checked.from,
        direction: 'sent',
        media: checked.media,
        status: reachedSomeone ? 'delivered' : 'undelivered',
        errorCode: reachedSomeone ? null : DELIVERY_ERROR_CODES.unreachable,
      },
    ];
    // Other phones in a group text get it from the network directly, not through Twilio.
    const received: NewEntry[] = [];
    for (const phone of reachablePhones) {
      const media = await copyMedia(checked.media);
      received.push({ ...base, sid: channelSid(checked.channel, checked.media.length > 0), phone, direction: 'received', media, status: 'delivered' });
    }
    await storeReceivedMedia(received.flatMap((e) => e.media));
    entries.push(...received);
    const inserted = await insertEntries(ctx, entries);
    emitEntries(inserted);
    const [only] = checked.to;
    if (traffic && checked.to.length === 1 && only !== undefined && core.numbers.includes(only)) {
      await traffic.inbound({ direction: 'INBOUND', channel: checked.channel, from: checked.from, to: only, body: checked.body, hasMedia: checked.media.length > 0, channelId: sid });
    }
    const media = await copyMedia(checked.media);
    const routing = await core.inbound.receiveInbound({ channel: checked.channel, from: checked.from, to: checked.to, body: checked.body, media });
    if (routing.outcome !== 'delivered' && routing.outcome !== 'autocreated') for (const m of media) blobs.delete(m.sid);
    if (routing.outcome === 'dropped' || routing.outcome === 'rejected') {
      logger.info(`inbound ${sid} from ${checked.from} ${routing.outcome}: ${routing.reason}`);
    }
    const [entry] = inserted;
    if (!entry) throw new Error('carrier entry was not stored');
    return { entry, routing };
  };

  /** The message and its recipient are both still there (either may be deleted meanwhile). */
  const stillThere = (delivery: OutboundDelivery, message: MessageRecord) =>
    Boolean(ctx.store.get('messages', message.sid)) && ctx.store.get('participants', delivery.participantSid)?.conversationSid === message.conversationSid;

  const receiptStatus = (delivery: OutboundDelivery, message: MessageRecord) =>
    ctx.store.recordsByIndex('receipts', 'byMessage', message.sid).find((r) => r.participantSid === delivery.participantSid)?.status ?? null;

  const receipt = async (
    delivery: OutboundDelivery,
    message: MessageRecord,
    status: 'sent' | 'delivered' | 'undelivered' | 'failed',
    errorCode: number | undefined,
    sid: string,
  ) => {
    await core.receipts.recordDelivery(
      { messageSid: message.sid, participantSid: delivery.participantSid, status, errorCode, channelMessageSid: sid },
      { source: delivery.channel, webhookEnabled: false },
    );
  };

  /**
   * Carries one pending delivery to its final receipt. Every step reads what is already done from the
   * state (the receipt, the phone's entry under the delivery's SID), so a delivery resumed after a crash
   * picks up where it stopped: nothing is sent twice, nothing stays queued or sent. Once the emulator is
   * closing it stops and keeps the record for the next start.
   */
  const deliver = async (pending: CarrierDeliveryRecord): Promise<void> => {
    const { sid, delivery } = pending;
    const message = ctx.store.get('messages', pending.messageSid);
    // Closing keeps the record: the next start finishes it (every step below is idempotent).
    const finish = () => (closed ? Promise.resolve() : finishPendingDelivery(ctx, sid));
    if (!message || !stillThere(delivery, message)) return finish();
    await pause(delays.sentMs);
    if (closed) return;
    if (!stillThere(delivery, message)) return finish();
    if (delivery.failure) {
      if (receiptStatus(delivery, message) === null) await receipt(delivery, message, delivery.failure.status, delivery.failure.errorCode, sid);
      return finish();
    }
    if (receiptStatus(delivery, message) === null) {
      await receipt(delivery, message, 'sent', undefined, sid);
      if (!delivery.group) {
        traffic?.outbound({ direction: 'OUTBOUND', channel: delivery.channel, from: delivery.from, to: delivery.to, body: delivery.body, hasMedia: delivery.media.length > 0, channelId: sid });
      }
      await pause(delays.deliveredMs);
      if (closed) return;
      if (!stillThere(delivery, message)) return finish();
    }
    const status = receiptStatus(delivery, message);
    if (status !== 'sent') return finish(); // already final
    if (!isReachable(ctx, delivery.to)) {
      await receipt(delivery, message, 'undelivered', DELIVERY_ERROR_CODES.unreachable, sid);
      traffic?.delivery(sid, 'FAILED');
      return finish();
    }
    if (!ctx.store.get('carrierMessages', sid)) {
      const media = await copyMedia(delivery.media);
      await storeReceivedMedia(media);
      const [entry] = await insertEntries(ctx, [
        {
          sid,
          phone: delivery.to,
          direction: 'received',
          channel: delivery.channel,
          from: delivery.from,
          to: delivery.group ?? [delivery.to],
          body: delivery.body,
          media,
          status: 'delivered',
          errorCode: null,
          receipt: { messageSid: message.sid, participantSid: delivery.participantSid },
          content: delivery.content ?? null,
        },
      ]);
      emitEntries([entry ?? null]);
    }
    if (closed) return;
    await receipt(delivery, message, 'delivered', undefined, sid);
    traffic?.delivery(sid, 'DELIVERED');
    return finish();
  };

  const track = (work: Promise<void>) => {
    pending += 1;
    work
      .catch((error: unknown) => logger.info(`outbound delivery stopped: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        pending -= 1;
        if (pending > 0) return;
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve();
      });
  };

  const onEvent = (event: DomainEvent) => {
    if (event.type === 'state.reset') emit({ kind: 'reset' });
    if (event.type !== 'message.added' || event.origin.bridged) return;
    const planned = core.outbound
      .planOutbound(event.conversation, event.message)
      .map((delivery) => ({ sid: channelSid(delivery.channel, delivery.media.length > 0), delivery }));
    if (planned.length === 0) return;
    // Synchronously, inside the message's own change: both are made durable by the same write.
    for (const pending of recordPendingDeliveries(ctx, event.message.sid, planned)) track(deliver(pending));
  };
  const unsubscribe = core.events.on(onEvent);
  // Deliveries a previous run did not finish (a crash, a restart) carry on where they stopped.
  const resumed = pendingDeliveries(ctx);
  if (resumed.length > 0) logger.info(`resuming ${resumed.length} pending deliveries`);
  for (const pending of resumed) track(deliver(pending));

  return {
    send,
    uploadMedia: async ({ bytes, contentType, filename }) => {
      const sid = newSid('ME');
      await blobs.put(sid, bytes);
      const [record] = await insertCarrierMedia(ctx, [{ sid, contentType, filename, size: bytes.length }]);
      if (!record) throw new Error('carrier media was not stored');
      return record;
    },
    mediaOf: (sid) => ctx.store.get('carrierMedia', sid),
    messagesOf: (address) => entriesOf(ctx, address),
    markRead: async (address) => {
      const unread = entriesOf(ctx, address).filter((e) => e.direction === 'received' && e.channel === 'whatsapp' && e.status === 'delivered');
      if (unread.length === 0) return 0;
      // One write for all of them; the receipts still follow entry by entry.
      const read = await updateEntriesStatus(ctx, unread.map((e) => e.sid), 'read');
      for (const [i, entry] of unread.entries()) {
        emitEntries([read[i] ?? null]);
        if (!entry.receipt || !ctx.store.get('messages', entry.receipt.messageSid)) continue;
        await core.receipts
          .recordDelivery({ ...entry.receipt, status: 'read' }, { source: 'whatsapp', webhookEnabled: false })
          .catch(() => undefined); // the participant may have left since; the phone still read it
      }
      return unread.length;
    },
    setReachable: async (address, reachable) => {
      await setPhoneReachable(ctx, address, reachable);
      emit({ kind: 'phone', address, reachable });
    },
    isReachable: (address) => isReachable(ctx, address),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliverDirect: async ({ sid, channel, from, to, body }) => {
      if (!isReachable(ctx, to)) return 'undelivered';
      const inserted = await insertEntries(ctx, [
        { sid, phone: to, direction: 'received', channel, from, to: [to], body, media: [], status: 'delivered', errorCode: null, receipt: null },
      ]);
      emitEntries(inserted);
      return 'delivered';
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    receiptDelays: () => ({ ...delays }),
    setReceiptDelays: (next) => {
      delays = { ...next };
    },
    close: () => {
      closed = true;
      unsubscribe();
      listeners.clear();
    },
  };
};
