import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { needsRouting } from '@/lib/routing/queue';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { isPhoneAuthor } from './channel';

const PREVIEW_LENGTH = 140;

export type IndexedMessage = { conversationSid: string; author: string | null; body: string | null; mediaCount: number; at: Date };
type Times = {
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  awaitingReplySince: Date | null;
};

/**
 * Last message, preview, and the inbound/outbound times that drive queues and response timers.
 * Returns whether to route the conversation: a customer wrote and it is open, unowned and not
 * queued. Most have an owner, so most messages are spared the app-wide routing lock;
 * routeConversation checks again under that lock.
 */
export async function recordMessage(message: IndexedMessage): Promise<{ needsRouting: boolean }> {
  return db.$transaction((tx) => recordMessageIn(tx, message));
}

/** recordMessage inside a caller's transaction. */
export async function recordMessageIn(tx: Prisma.TransactionClient, message: IndexedMessage): Promise<{ needsRouting: boolean }> {
  const inbound = isPhoneAuthor(message.author);
  // Webhooks for one conversation may be processed concurrently (several instances, Twilio's
  // parallel deliveries): one at a time per conversation, so no reply is lost to a race.
  await takeAdvisoryLock(tx, message.conversationSid);
  const current = await tx.conversationIndex.findUnique({
    where: { sid: message.conversationSid },
    select: {
      firstInboundAt: true,
      firstResponseAt: true,
      lastMessageAt: true,
      lastInboundAt: true,
      lastOutboundAt: true,
      awaitingReplySince: true,
      state: true,
      assigneeId: true,
      queuedAt: true,
    },
  });
  const fields = messageFields(current, message, inbound);
  await tx.conversationIndex.upsert({ where: { sid: message.conversationSid }, create: { sid: message.conversationSid, ...fields }, update: fields });
  // A row created just now is open and unowned.
  return { needsRouting: inbound && (!current || needsRouting(current)) };
}

function messageFields(current: Times | null, message: IndexedMessage, inbound: boolean) {
  // The body is the customer's, as Twilio passed it on: a NUL would make PostgreSQL refuse the row.
  const preview = (stripControlCharacters(message.body ?? '').trim() || (message.mediaCount > 0 ? '📎 Attachment' : '')).slice(0, PREVIEW_LENGTH);
  // A retried or late webhook must not move "last message" backwards.
  const isLatest = !current?.lastMessageAt || current.lastMessageAt <= message.at;
  const latest = isLatest ? { lastMessageAt: message.at, lastMessagePreview: preview } : {};
  if (inbound) {
    return {
      ...latest,
      lastInboundAt: later(current?.lastInboundAt, message.at),
      ...(current?.firstInboundAt ? {} : { firstInboundAt: message.at }),
      ...(current?.awaitingReplySince ? {} : { awaitingReplySince: message.at }),
    };
  }
  return {
    ...latest,
    lastOutboundAt: later(current?.lastOutboundAt, message.at),
    ...(current?.firstResponseAt || !current?.firstInboundAt ? {} : { firstResponseAt: message.at }),
    // A reply answers everything the customer sent before it.
    ...(current?.awaitingReplySince && current.awaitingReplySince <= message.at ? { awaitingReplySince: null } : {}),
  };
}

function later(a: Date | null | undefined, b: Date): Date {
  return a && a > b ? a : b;
}
