import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { db } from '@/lib/db/client';
import { backfillMessageIndex } from '@/lib/search/backfill-message-index';
import { searchConversations } from '@/lib/search/search-conversations';
import { conversationService } from '@/lib/twilio/conversation-service';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

// Conversations from before search (no webhooks wrote their messages into the index) become
// searchable once the back-fill has read them from Twilio.

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
});
afterAll(async () => Promise.all([emulator.close(), database.close()]));

it('reads every message of a conversation indexed before search, once, and search finds them', async () => {
  const ada = await db.user.create({ data: { email: 'ada@backfill.test', name: 'Ada', passwordHash: 'x' } });
  const conversation = await (await conversationService()).conversations.create({ friendlyName: 'Old one' });
  for (const [author, body] of [
    ['+15550001111', 'My parcel never came, tracking says lost in Denver'],
    [ada.id, 'I will file a claim with the courier'],
    ['+15550001111', 'Thanks'],
  ] as const) {
    await (await conversationService()).conversations(conversation.sid).messages.create({ author, body });
  }
  await db.conversationIndex.create({ data: { sid: conversation.sid, assigneeId: ada.id, messagesBackfilledAt: null } });
  expect(await searchConversations({ id: ada.id, role: 'AGENT' }, 'denver')).toEqual([]);

  expect(await backfillMessageIndex()).toBe(1);
  const results = await searchConversations({ id: ada.id, role: 'AGENT' }, 'lost in denver');
  expect(results).toMatchObject([{ conversationSid: conversation.sid, source: 'message' }]);
  expect(await db.messageIndex.findMany({ where: { conversationSid: conversation.sid }, orderBy: { createdAt: 'asc' }, select: { direction: true, authorKind: true, authorId: true } })).toEqual([
    { direction: 'INBOUND', authorKind: 'CUSTOMER', authorId: null },
    { direction: 'OUTBOUND', authorKind: 'AGENT', authorId: ada.id },
    { direction: 'INBOUND', authorKind: 'CUSTOMER', authorId: null },
  ]);
  // Done: the next pass has nothing to read.
  expect(await backfillMessageIndex()).toBe(0);
});
