import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessage } from '@/lib/conversation-index/record-message';
import { db } from '@/lib/db/client';
import { splitHighlights } from '@/lib/search/search-highlight';
import { searchConversations } from '@/lib/search/search-conversations';
import type { startTestDatabase } from '../support/test-database';

// The same search on both databases the app runs on — PGlite (PostgreSQL compiled to wasm) and
// PostgreSQL — with rows written the way the webhooks and routes write them. One database per
// test file (the app's client is one per process): search-conversations*.test.ts.

const sid = (prefix: string, n: number) => `${prefix}${String(n).padStart(32, '0')}`;
const [MINE, THEIRS, QUEUED, CLOSED] = [1, 2, 3, 4].map((n) => sid('CH', n)) as [string, string, string, string];
let messageNumber = 0;

export function describeSearch(name: string, start: typeof startTestDatabase): void {
describe(`searching conversations on ${name}`, () => {
  let database: Awaited<ReturnType<typeof startTestDatabase>>;
  let ada: { id: string; role: 'AGENT' };
  let ben: { id: string; role: 'AGENT' };
  let sam: { id: string; role: 'SUPERVISOR' };

  beforeAll(async () => {
    database = await start();
    ada = { id: (await db.user.create({ data: { email: 'ada@search.test', name: 'Ada', passwordHash: 'x' } })).id, role: 'AGENT' };
    ben = { id: (await db.user.create({ data: { email: 'ben@search.test', name: 'Ben', passwordHash: 'x' } })).id, role: 'AGENT' };
    sam = { id: (await db.user.create({ data: { email: 'sam@search.test', name: 'Sam', passwordHash: 'x', role: 'SUPERVISOR' } })).id, role: 'SUPERVISOR' };
    const say = (conversationSid: string, author: string, body: string) =>
      recordMessage({ conversationSid, messageSid: sid('IM', ++messageNumber), author, body, mediaCount: 0, at: new Date(Date.UTC(2026, 10, 1, 9, messageNumber)) });
    await say(MINE, '+15550000001', 'Hello, my blue suede shoes arrived damaged');
    await say(MINE, ada.id, 'Sorry to hear that, I will send new ones');
    await say(THEIRS, '+15550000002', 'Do you ship blue suede shoes to Canada?');
    await say(QUEUED, '+15550000003', 'Waiting for a refund on order 1234');
    await say(CLOSED, '+15550000004', 'Thanks for the refunds, all sorted');
    await db.conversationIndex.update({ where: { sid: MINE }, data: { assigneeId: ada.id, customerName: 'Grace Hopper', customerAddress: '+15550000001' } });
    await db.conversationIndex.update({ where: { sid: THEIRS }, data: { assigneeId: ben.id } });
    await db.conversationIndex.update({ where: { sid: QUEUED }, data: { queuedAt: new Date() } });
    await db.conversationIndex.update({ where: { sid: CLOSED }, data: { assigneeId: ada.id, state: 'CLOSED' } });
    await db.note.create({ data: { conversationSid: THEIRS, authorId: ben.id, body: 'VIP customer, handle with care' } });
  }, 120_000);
  afterAll(async () => database?.close());

  const sids = (results: { conversationSid: string }[]) => results.map((result) => result.conversationSid).sort();

  it('finds a phrase from a message, its words marked in the snippet, among what an agent may see', async () => {
    const results = await searchConversations(ada, 'blue suede shoes');
    expect(sids(results)).toEqual([MINE]);
    const parts = splitHighlights(results[0]!.snippet!);
    expect(parts.filter((part) => part.isMatch).map((part) => part.text)).toEqual(['blue suede shoes']);
    expect(parts.map((part) => part.text).join('')).toBe('Hello, my blue suede shoes arrived damaged');
  });

  it('lets a supervisor find every conversation', async () => {
    expect(sids(await searchConversations(sam, 'blue suede shoes'))).toEqual([MINE, THEIRS].sort());
  });

  it('includes the queue and closed conversations, and stems words', async () => {
    expect(sids(await searchConversations(ada, 'refund'))).toEqual([QUEUED, CLOSED].sort());
    expect(sids(await searchConversations(ben, 'refund'))).toEqual([QUEUED]);
  });

  it('finds notes, names and numbers, and a word still being typed', async () => {
    expect(sids(await searchConversations(ben, 'vip'))).toEqual([THEIRS]);
    expect(sids(await searchConversations(ada, 'vip'))).toEqual([]);
    expect(await searchConversations(ada, 'grace hop')).toMatchObject([{ conversationSid: MINE, source: 'customer' }]);
    expect(sids(await searchConversations(ada, '555 0000 001'))).toEqual([MINE]);
    expect(sids(await searchConversations(ada, 'damag'))).toEqual([MINE]);
  });

  it('treats query syntax as text', async () => {
    await expect(searchConversations(sam, "!:*&|'() \\%_")).resolves.toEqual([]);
  });
});
}
