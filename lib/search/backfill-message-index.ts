import 'server-only';
import { classifyAuthor, SYSTEM_AUTHOR } from '@/lib/conversation-index/message-author';
import { db } from '@/lib/db/client';
import { log } from '@/lib/observability/log';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { conversationService } from '@/lib/twilio/conversation-service';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';

/** Conversations read from Twilio per pass: each is one paged listing of all its messages. */
const BATCH = 10;

/**
 * Search reads message bodies from the message index, which the onMessageAdded webhook fills.
 * Conversations indexed before that (or repaired by the reconciler from their latest messages
 * only) have `messagesBackfilledAt` null: this reads every message Twilio has for a few of them
 * and adds the missing rows — rows only: the conversation's times and previews are the webhooks'
 * and the reconciler's to keep, and a row already there is left as it is. Run by the reconciler
 * (lib/reconciler/start-reconciler.ts) after each pass, so a large back-log drains gradually.
 * Returns how many conversations it completed.
 */
export async function backfillMessageIndex({ limit = BATCH }: { limit?: number } = {}): Promise<number> {
  const pending = await db.conversationIndex.findMany({ where: { messagesBackfilledAt: null }, orderBy: { createdAt: 'desc' }, take: limit, select: { sid: true } });
  let completed = 0;
  for (const { sid } of pending) {
    try {
      await backfillConversation(sid);
      completed++;
    } catch (error) {
      log.warn('search.backfill_failed', { conversationSid: sid, error });
    }
  }
  return completed;
}

async function backfillConversation(conversationSid: string): Promise<void> {
  const messages = await (await conversationService())
    .conversations(conversationSid)
    .messages.list({ pageSize: 100 })
    .catch((error: unknown) => {
      // Deleted in Twilio: nothing more to read, ever.
      if (twilioErrorOf(error).status === 404) return [];
      throw error;
    });
  const authors = [...new Set(messages.map((message) => message.author).filter((author): author is string => Boolean(author) && author !== SYSTEM_AUTHOR))];
  const team = new Map((await db.user.findMany({ where: { id: { in: authors } }, select: { id: true, role: true } })).map((user) => [user.id, user]));
  const rows = messages.map((message) => {
    const author = classifyAuthor(message.author, message.author ? (team.get(message.author) ?? null) : null);
    return {
      sid: message.sid,
      conversationSid,
      direction: author.direction,
      authorKind: author.kind,
      authorId: author.userId,
      createdAt: message.dateCreated,
      hasMedia: Array.isArray(message.media) && message.media.length > 0,
      body: stripControlCharacters(message.body ?? ''),
    };
  });
  await db.$transaction([
    db.messageIndex.createMany({ data: rows, skipDuplicates: true }),
    db.conversationIndex.update({ where: { sid: conversationSid }, data: { messagesBackfilledAt: new Date() } }),
  ]);
}
