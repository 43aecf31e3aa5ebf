import 'server-only';
import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { SnoozeEndReasonName } from './snooze-schema';
import { announceConversationChange } from '@/lib/live/announce-conversation-change';

const SNOOZED = { OR: [{ snoozedUntil: { not: null } }, { snoozeUntilReply: true }] } satisfies Prisma.ConversationIndexWhereInput;

/** SNOOZED, of a row already read. */
export const isSnoozed = (conversation: { snoozedUntil: Date | null; snoozeUntilReply: boolean }): boolean =>
  conversation.snoozedUntil !== null || conversation.snoozeUntilReply;

/**
 * Ends a conversation's snooze, if it has one, noting when and why (the notice in the list and
 * the console), and tells its screens. Returns whether it was snoozed.
 */
export async function wakeConversationIn(
  tx: Prisma.TransactionClient,
  { conversationSid, reason, now, only = {} }: { conversationSid: string; reason: SnoozeEndReasonName; now: Date; only?: Prisma.ConversationIndexWhereInput },
): Promise<boolean> {
  await takeAdvisoryLock(tx, conversationSid);
  const { count } = await tx.conversationIndex.updateMany({
    where: { AND: [{ sid: conversationSid }, SNOOZED, only] },
    data: { snoozedUntil: null, snoozeUntilReply: false, snoozeEndedAt: now, snoozeEndReason: reason },
  });
  if (count === 0) return false;
  const conversation = await tx.conversationIndex.findUniqueOrThrow({ where: { sid: conversationSid }, select: { assigneeId: true, queuedAt: true } });
  await announceConversationChange({ conversationSid, change: 'snooze', row: conversation, tx });
  return true;
}

// Twilio's message times have one-second precision: a reply in the second the snooze was set counts.
const SAME_SECOND_MS = 1_000;

/**
 * The customer wrote: a snoozed conversation comes back, whatever it was snoozed until. A late
 * or retried webhook for a message older than the snooze does not end it.
 */
export async function wakeOnCustomerMessage({ conversationSid, at }: { conversationSid: string; at: Date }): Promise<boolean> {
  const isSnoozed = await db.conversationIndex.count({ where: { sid: conversationSid, ...SNOOZED } });
  if (isSnoozed === 0) return false; // the common case: no transaction, no lock
  return db.$transaction((tx) => wakeConversationIn(tx, { conversationSid, reason: 'REPLY', now: new Date(), only: { snoozedAt: { lt: new Date(at.getTime() + SAME_SECOND_MS) } } }));
}

/** Every conversation whose snooze time has come, woken; returns the time of the next one due, if any. */
export async function wakeDueSnoozes(now = new Date()): Promise<Date | null> {
  const due = await db.conversationIndex.findMany({ where: { snoozedUntil: { lte: now } }, select: { sid: true }, take: 500 });
  for (const { sid } of due) {
    // Re-checked under the lock: snoozed again meanwhile (until later) stays snoozed.
    await db.$transaction((tx) => wakeConversationIn(tx, { conversationSid: sid, reason: 'TIME', now, only: { snoozedUntil: { lte: now } } }));
  }
  const next = await db.conversationIndex.findFirst({ where: { snoozedUntil: { not: null } }, orderBy: { snoozedUntil: 'asc' }, select: { snoozedUntil: true } });
  return next?.snoozedUntil ?? null;
}
