import { type DatabaseClient, db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { storedTime } from '@/lib/db/stored-time';
import type { ConversationState } from '@/lib/db/generated/enums';
import { needsRouting } from '@/lib/routing/queue';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { classifyAuthor, isTeamReply, type MessageAuthor } from './message-author';
import { announceConversationChange } from '@/lib/live/announce-conversation-change';
import { isSnoozed } from '@/lib/snooze/wake-conversation';

const PREVIEW_LENGTH = 140;

export type IndexedMessage = { conversationSid: string; messageSid: string; author: string | null; body: string | null; mediaCount: number; at: Date };
/**
 * What the webhook goes on to need of the conversation, returned by the statement that records
 * the message, so the common customer text asks the database nothing more: whether to route it,
 * whether it wakes a snooze, and whether it is the answer to a satisfaction survey.
 */
export type RecordedMessage = { needsRouting: boolean; author: MessageAuthor; snoozed: boolean; surveyReplyTo: string | null };
type Row = {
  state: ConversationState;
  assigneeId: string | null;
  queuedAt: Date | null;
  snoozedUntil: Date | null;
  snoozeUntilReply: boolean;
  surveyReplyTo: string | null;
};

/**
 * Records one message: its row in the message index (once, however often the webhook comes),
 * and the conversation's last message, preview and the inbound/outbound times that drive
 * queues, response timers and reports. Returns whether to route the conversation: a customer
 * wrote and it is open, unowned and not queued. Most have an owner, so most messages are
 * spared the app-wide routing lock; routeConversation checks again under that lock.
 */
export async function recordMessage(message: IndexedMessage): Promise<RecordedMessage> {
  return recordMessageIn(db, message);
}

/**
 * recordMessage with a given client (the database, or a caller's transaction — the reconciler's).
 * One statement writes both rows and answers with the conversation as it stands: each time is
 * moved by an expression on the row's own value, so webhooks of one conversation processed side by
 * side (several instances, Twilio's parallel deliveries) cannot undo each other's — the row's lock
 * orders them — and a retried or late webhook never moves a time backwards.
 */
export async function recordMessageIn(client: DatabaseClient, message: IndexedMessage): Promise<RecordedMessage> {
  const author = await identifyAuthor(client, message.author);
  const at = storedTime(message.at);
  const body = stripControlCharacters(message.body ?? '');
  const preview = (body.trim() || (message.mediaCount > 0 ? '📎 Attachment' : '')).slice(0, PREVIEW_LENGTH);
  const times = conversationTimes(author, at);
  // A conversation not indexed yet is opened when Twilio says, even when this webhook beats onConversationAdded.
  const [row] = await client.$queryRaw<Row[]>`
    WITH message AS (
      INSERT INTO "MessageIndex" (sid, "conversationSid", direction, "authorKind", "authorId", "createdAt", "hasMedia", body)
      VALUES (${message.messageSid}, ${message.conversationSid}, ${author.direction}::"MessageDirection", ${author.kind}::"MessageAuthorKind",
              ${author.userId}, ${at}, ${message.mediaCount > 0}, ${body})
      ON CONFLICT (sid) DO NOTHING
    )
    INSERT INTO "ConversationIndex" AS c (sid, "createdAt", "updatedAt", "lastMessageAt", "lastMessagePreview", ${Prisma.join(times.map(([column]) => Prisma.raw(`"${column}"`)))})
    VALUES (${message.conversationSid}, ${at}, now(), ${at}, ${preview}, ${Prisma.join(times.map(([, created]) => created))})
    ON CONFLICT (sid) DO UPDATE SET
      "updatedAt" = now(),
      "lastMessageAt" = GREATEST(c."lastMessageAt", ${at}),
      "lastMessagePreview" = CASE WHEN c."lastMessageAt" IS NULL OR c."lastMessageAt" <= ${at} THEN ${preview} ELSE c."lastMessagePreview" END,
      ${Prisma.join(times.map(([column, , updated]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${updated}`))}
    RETURNING c.state::text AS state, c."assigneeId", c."queuedAt", c."snoozedUntil", c."snoozeUntilReply", c."surveyReplyTo"`;
  if (!row) throw new Error(`The message ${message.messageSid} was not recorded.`);
  await announceConversationChange({ conversationSid: message.conversationSid, change: 'message', row, tx: client });
  return {
    needsRouting: author.kind === 'CUSTOMER' && needsRouting(row),
    author,
    snoozed: isSnoozed(row),
    surveyReplyTo: row.surveyReplyTo,
  };
}

/** Each time the message moves: its column, its value in a row made now, and its new value from the row's current one (`c`). */
function conversationTimes(author: MessageAuthor, at: Prisma.Sql): [column: string, created: Prisma.Sql, updated: Prisma.Sql][] {
  if (author.direction === 'INBOUND') {
    return [
      ['lastInboundAt', at, Prisma.sql`GREATEST(c."lastInboundAt", ${at})`],
      ['firstInboundAt', at, Prisma.sql`LEAST(c."firstInboundAt", ${at})`],
      ['awaitingReplySince', at, Prisma.sql`COALESCE(c."awaitingReplySince", ${at})`],
    ];
  }
  const lastOutbound: [string, Prisma.Sql, Prisma.Sql] = ['lastOutboundAt', at, Prisma.sql`GREATEST(c."lastOutboundAt", ${at})`];
  // Automated messages (a survey, an integration) answer nobody.
  if (!isTeamReply(author)) return [lastOutbound];
  // The first response: the first reply after the customer's first message (a late webhook of an earlier reply moves it back).
  const isFirstResponse = Prisma.sql`(c."firstInboundAt" <= ${at} AND (c."firstResponseAt" IS NULL OR ${at} < c."firstResponseAt"))`;
  return [
    lastOutbound,
    ['firstResponseAt', Prisma.sql`NULL`, Prisma.sql`CASE WHEN ${isFirstResponse} THEN ${at} ELSE c."firstResponseAt" END`],
    ['firstResponderId', Prisma.sql`NULL`, Prisma.sql`CASE WHEN ${isFirstResponse} THEN ${author.userId} ELSE c."firstResponderId" END`],
    // A reply answers everything the customer sent before it.
    ['awaitingReplySince', Prisma.sql`NULL`, Prisma.sql`CASE WHEN c."awaitingReplySince" <= ${at} THEN NULL ELSE c."awaitingReplySince" END`],
  ];
}

async function identifyAuthor(client: DatabaseClient, author: string | null): Promise<MessageAuthor> {
  const first = classifyAuthor(author, null);
  if (first.kind === 'CUSTOMER' || !author) return first;
  const teamMember = await client.user.findUnique({ where: { id: author }, select: { id: true, role: true } });
  return classifyAuthor(author, teamMember);
}
