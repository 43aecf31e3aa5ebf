import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { handleWebhookEvent } from '@/lib/webhooks/handle-webhook-event';
import type { WebhookEvent } from '@/lib/webhooks/webhook-events';
import { startTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => database.close());

const sid = (prefix: string, n: number) => `${prefix}${String(n).padStart(32, '0')}`;
const deferred: (() => Promise<void>)[] = [];
const messageAdded = (conversation: number, message: number, author: string, body: string, at: Date): WebhookEvent => ({
  type: 'onMessageAdded',
  conversationSid: sid('CH', conversation),
  messageSid: sid('IM', message),
  author,
  body,
  mediaCount: 0,
  at,
});
const handle = (event: WebhookEvent) => handleWebhookEvent(event, (work) => deferred.push(work));

describe('the message index', () => {
  it('keeps one row per message, however often the webhook comes, with its author and body minus control characters', async () => {
    const ada = await db.user.create({ data: { email: 'ada@index.test', name: 'Ada', passwordHash: 'x', role: 'AGENT' } });
    const at = new Date('2026-11-20T10:00:00Z');
    const inbound = messageAdded(1, 1, '+15550001111', 'Hello\u0000 there\u0007', at);
    await handle(inbound);
    await handle(inbound);
    await handle(messageAdded(1, 2, ada.id, 'Hi!', new Date(at.getTime() + 60_000)));
    await handle(messageAdded(1, 3, 'system', 'Automated', new Date(at.getTime() + 120_000)));
    const rows = await db.messageIndex.findMany({ where: { conversationSid: sid('CH', 1) }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.direction, row.authorKind, row.authorId, row.body])).toEqual([
      ['INBOUND', 'CUSTOMER', null, 'Hello there'],
      ['OUTBOUND', 'AGENT', ada.id, 'Hi!'],
      ['OUTBOUND', 'SYSTEM', null, 'Automated'],
    ]);
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid('CH', 1) } })).toMatchObject({ createdAt: at, firstResponseAt: new Date(at.getTime() + 60_000), firstResponderId: ada.id });
  });
});

describe('answers to the satisfaction survey', () => {
  const customer = '+15550002222';
  const sentAt = new Date('2026-11-21T10:00:00Z');
  const minutes = (n: number) => new Date(sentAt.getTime() + n * 60_000);
  let agentId = '';

  beforeAll(async () => {
    agentId = (await db.user.create({ data: { email: 'bo@survey.test', name: 'Bo', passwordHash: 'x', role: 'AGENT' } })).id;
    await db.conversationIndex.create({ data: { sid: sid('CH', 10), state: 'CLOSED', channel: 'SMS', customerAddress: customer, assigneeId: agentId, resolvedAt: sentAt } });
    await db.csatSurvey.create({ data: { conversationSid: sid('CH', 10), agentId, customerAddress: customer, messageSid: sid('IM', 100), sentAt } });
  });

  it('records a score and its comment against the surveyed conversation, once, and routes nothing', async () => {
    const answer = messageAdded(11, 101, customer, '2 - took ages', minutes(5));
    await handle(answer);
    await handle(answer);
    const survey = await db.csatSurvey.findUniqueOrThrow({ where: { conversationSid: sid('CH', 10) } });
    expect(survey).toMatchObject({ score: 2, comment: 'took ages', respondedAt: minutes(5), replyConversationSid: sid('CH', 11), replyMessageSid: sid('IM', 101) });
    const reply = await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid('CH', 11) } });
    expect(reply).toMatchObject({ surveyReplyTo: sid('CH', 10), assigneeId: null, queuedAt: null });
    expect(await db.assignment.count({ where: { conversationSid: sid('CH', 11) } })).toBe(0);
    // The reply conversation is closed after the answer (in Twilio, deferred).
    expect(deferred.length).toBeGreaterThan(0);
  });

  it('adds a further text in the reply conversation to the comment, so nothing is lost', async () => {
    await handle(messageAdded(11, 102, customer, 'and nobody called back', minutes(6)));
    expect((await db.csatSurvey.findUniqueOrThrow({ where: { conversationSid: sid('CH', 10) } })).comment).toBe('took ages\nand nobody called back');
    expect(await db.assignment.count({ where: { conversationSid: sid('CH', 11) } })).toBe(0);
  });

  it('routes a text that is not an answer, or comes when no survey is waiting, as a new conversation', async () => {
    await handle(messageAdded(12, 103, customer, '5', minutes(10)));
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid('CH', 12) } })).toMatchObject({ surveyReplyTo: null });
    // Routed: nobody is available, so it waits in the queue.
    expect(await db.assignment.findMany({ where: { conversationSid: sid('CH', 12) }, select: { reason: true } })).toEqual([{ reason: 'QUEUE' }]);
    await handle(messageAdded(13, 104, '+15550003333', 'Where is my order?', minutes(11)));
    expect(await db.assignment.count({ where: { conversationSid: sid('CH', 13) } })).toBe(1);
  });
});
