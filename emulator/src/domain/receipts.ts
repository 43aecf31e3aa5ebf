import type { DeliveryStatus, MessageRecord, ReceiptRecord } from '../store/records';
import { newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { invalidParam } from './errors';
import type { Origin } from './origin';

export type DeliveryInput = {
  messageSid: string;
  participantSid: string;
  status: DeliveryStatus;
  errorCode?: number;
  /** The SMS/WhatsApp message SID on the channel; generated (SM…) when not given. */
  channelMessageSid?: string;
};

/**
 * Records a delivery status for one recipient of a message (one receipt per message and participant),
 * as the carrier reports it. Called by the carrier adapter and the SDK read path;
 * not reachable over REST, where receipts are read-only.
 */
export const recordDelivery = (ctx: DomainContext, input: DeliveryInput, origin: Origin): Promise<ReceiptRecord> =>
  mutate(ctx, {
    prepare: () => {
      const message = ctx.store.get('messages', input.messageSid);
      if (!message) throw invalidParam(`Message ${input.messageSid} does not exist`);
      const participant = ctx.store.get('participants', input.participantSid);
      if (!participant || participant.conversationSid !== message.conversationSid) {
        throw invalidParam(`Participant ${input.participantSid} is not in the message's conversation`);
      }
      const conversation = ctx.store.get('conversations', message.conversationSid);
      if (!conversation) throw invalidParam(`Conversation ${message.conversationSid} does not exist`);
      const previous =
        ctx.store
          .recordsByIndex('receipts', 'byMessage', message.sid)
          .find((r) => r.participantSid === input.participantSid) ?? null;
      return { message, conversation, previous };
    },
    hook: () => null,
    apply: ({ message, conversation, previous }) => {
      const now = ctx.clock.isoNow();
      const receipt: ReceiptRecord = previous
        ? { ...previous, status: input.status, errorCode: input.errorCode ?? 0, dateUpdated: now }
        : {
            sid: newSid('DY'),
            seq: ctx.store.nextSeq(),
            dateCreated: now,
            dateUpdated: now,
            conversationSid: message.conversationSid,
            serviceSid: message.serviceSid,
            messageSid: message.sid,
            participantSid: input.participantSid,
            channelMessageSid: input.channelMessageSid ?? newSid('SM'),
            status: input.status,
            errorCode: input.errorCode ?? 0,
          };
      if (previous) ctx.store.replace('receipts', receipt);
      else ctx.store.insert('receipts', receipt);
      return {
        result: receipt,
        events: [
          { type: 'delivery.updated', receipt, previous, message, conversation, origin, at: now, serviceSid: message.serviceSid },
        ],
      };
    },
  });

const RANK: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 0, undelivered: 0 };

type Amount = 'all' | 'some' | 'none';
export type DeliverySummary = {
  total: number;
  sent: Amount;
  delivered: Amount;
  read: Amount;
  failed: Amount;
  undelivered: Amount;
};

/**
 * A message's `delivery` summary: for each status, whether all, some or none of its non-chat recipients
 * have reached it (read implies delivered implies sent). Null when it had no non-chat recipients.
 */
export const deliverySummary = (message: MessageRecord, receipts: readonly ReceiptRecord[]): DeliverySummary | null => {
  const total = Math.max(message.deliveryRecipients, receipts.length);
  if (total === 0) return null;
  const amount = (count: number): Amount => (count === 0 ? 'none' : count >= total ? 'all' : 'some');
  const atLeast = (status: DeliveryStatus) => receipts.filter((r) => RANK[r.status] >= RANK[status]).length;
  const exactly = (status: DeliveryStatus) => receipts.filter((r) => r.status === status).length;
  return {
    total,
    sent: amount(atLeast('sent')),
    delivered: amount(atLeast('delivered')),
    read: amount(atLeast('read')),
    failed: amount(exactly('failed')),
    undelivered: amount(exactly('undelivered')),
  };
};

/** A stored message's `delivery` summary, from its receipts so far. */
export const deliveryOf = (ctx: DomainContext, message: MessageRecord): DeliverySummary | null =>
  deliverySummary(message, ctx.store.recordsByIndex('receipts', 'byMessage', message.sid));
