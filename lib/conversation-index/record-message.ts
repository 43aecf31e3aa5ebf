import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { needsRouting } from '@/lib/routing/queue';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { classifyAuthor, isTeamReply, type MessageAuthor } from './message-author';
import { announceConversationChange } from '@/lib/live/announce-conversation-change';
import { isSnoozed } from '@/lib/snooze/wake-conversation';

const PREVIEW_LENGTH = 140;

export type IndexedMessage = { conversationSid: string; messageSid: string; author: string | null; body: string | null; mediaCount: number; at: Date };
/**
 * What the webhook goes on to need of the conversation, read with it under its lock, so the
 * common customer text asks the database nothing more: whether to route it, whether it wakes a
 * snooze, and whether it is the answer to a satisfaction survey.
 */
export type RecordedMessage = { needsRouting: boolean; author: MessageAuthor; snoozed: boolean; surveyReplyTo: string | null };
type Times = {
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  awaitingReplySince: Date | null;
};

/**
 * Records one message: its row in the message index (once, however often the webhook comes),
 * and the conversation's last message, preview and the inbound/outbound times that drive
 * queues, response timers and reports. Returns whether to route the conversation: a customer
 * wrote and it is open, unowned and not queued. Most have an owner, so most messages are
 * spared the app-wide routing lock; routeConversation checks again under that lock.
 */
export async function recordMessage(message: IndexedMessage): Promise<RecordedMessage> {
  return db.$transaction((tx) => recordMessageIn(tx, message));
}

/** recordMessage inside a caller's transaction. */
export async function recordMessageIn(tx: Prisma.TransactionClient, message: IndexedMessage): Promise<RecordedMessage> {
  // Webhooks for one conversation may be processed concurrently (several instances, Twilio's
  // parallel deliveries): one at a time per conversation, so no reply is lost to a race.
  await takeAdvisoryLock(tx, message.conversationSid);
  const author = await identifyAuthor(tx, message.author);
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
      snoozedUntil: true,
      snoozeUntilReply: true,
      surveyReplyTo: true,
    },
  });
  const fields = messageFields(current, message, author);
  await tx.conversationIndex.upsert({
    where: { sid: message.conversationSid },
    // Opened when Twilio says, even when this webhook beats onConversationAdded.
    create: { sid: message.conversationSid, createdAt: message.at, ...fields },
    update: fields,
  });
  await tx.messageIndex.createMany({
    data: [
      {
        sid: message.messageSid,
        conversationSid: message.conversationSid,
        direction: author.direction,
        authorKind: author.kind,
        authorId: author.userId,
        createdAt: message.at,
        hasMedia: message.mediaCount > 0,
        body: stripControlCharacters(message.body ?? ''),
      },
    ],
    skipDuplicates: true,
  });
  await announceConversationChange({ conversationSid: message.conversationSid, change: 'message', row: current, tx });
  // A row created just now is open and unowned.
  return {
    needsRouting: author.kind === 'CUSTOMER' && (!current || needsRouting(current)),
    author,
    snoozed: Boolean(current && isSnoozed(current)),
    surveyReplyTo: current?.surveyReplyTo ?? null,
  };
}

async function identifyAuthor(tx: Prisma.TransactionClient, author: string | null): Promise<MessageAuthor> {
  const first = classifyAuthor(author, null);
  if (first.kind === 'CUSTOMER' || !author) return first;
  const teamMember = await tx.user.findUnique({ where: { id: author }, select: { id: true, role: true } });
  return classifyAuthor(author, teamMember);
}

function messageFields(current: Times | null, message: IndexedMessage, author: MessageAuthor) {
  const preview = (stripControlCharacters(message.body ?? '').trim() || (message.mediaCount > 0 ? '📎 Attachment' : '')).slice(0, PREVIEW_LENGTH);
  // A retried or late webhook must not move "last message" backwards.
  const isLatest = !current?.lastMessageAt || current.lastMessageAt <= message.at;
  const latest = isLatest ? { lastMessageAt: message.at, lastMessagePreview: preview } : {};
  if (author.direction === 'INBOUND') {
    return {
      ...latest,
      lastInboundAt: later(current?.lastInboundAt, message.at),
      ...(current?.firstInboundAt && current.firstInboundAt <= message.at ? {} : { firstInboundAt: message.at }),
      ...(current?.awaitingReplySince ? {} : { awaitingReplySince: message.at }),
    };
  }
  // Automated messages (a survey, an integration) answer nobody.
  if (!isTeamReply(author)) return { ...latest, lastOutboundAt: later(current?.lastOutboundAt, message.at) };
  const isFirstResponse = Boolean(current?.firstInboundAt && current.firstInboundAt <= message.at && (!current.firstResponseAt || message.at < current.firstResponseAt));
  return {
    ...latest,
    lastOutboundAt: later(current?.lastOutboundAt, message.at),
    ...(isFirstResponse ? { firstResponseAt: message.at, firstResponderId: author.userId } : {}),
    // A reply answers everything the customer sent before it.
    ...(current?.awaitingReplySince && current.awaitingReplySince <= message.at ? { awaitingReplySince: null } : {}),
  };
}

function later(a: Date | null | undefined, b: Date): Date {
  return a && a > b ? a : b;
}
