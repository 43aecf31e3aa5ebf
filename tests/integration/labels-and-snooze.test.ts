import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessage } from '@/lib/conversation-index/record-message';
import { readConversationMarks } from '@/lib/conversations/read-conversation-marks';
import { db } from '@/lib/db/client';
import { saveLabel } from '@/lib/labels/labels';
import { setConversationLabels } from '@/lib/labels/set-conversation-labels';
import { snoozeConversation, unsnoozeConversation } from '@/lib/snooze/snooze-conversation';
import { wakeDueSnoozes } from '@/lib/snooze/wake-conversation';
import { readFloorOverview } from '@/lib/supervision/floor-overview';
import { handleWebhookEvent } from '@/lib/webhooks/handle-webhook-event';
import { startTestDatabase } from '../support/test-database';

// Labels and snoozes as the routes apply them: who may, what the inbox and console read back,
// and when a snoozed conversation comes back.

let database: Awaited<ReturnType<typeof startTestDatabase>>;
const sid = (n: number) => `CH${String(n).padStart(32, '0')}`;
let messageNumber = 0;
/** The customer's text as Twilio's webhook brings it; whether the conversation is awake after it. */
const customerWrites = async (conversationSid: string, at: Date) => {
  const messageSid = `IM${String(++messageNumber).padStart(32, '0')}`;
  await handleWebhookEvent({ type: 'onMessageAdded', conversationSid, messageSid, author: '+15550009999', body: 'hello again', mediaCount: 0, at }, () => undefined);
  const row = await db.conversationIndex.findUniqueOrThrow({ where: { sid: conversationSid }, select: { snoozedUntil: true, snoozeUntilReply: true } });
  return row.snoozedUntil === null && !row.snoozeUntilReply;
};

let ada: Awaited<ReturnType<typeof db.user.create>>;
let ben: Awaited<ReturnType<typeof db.user.create>>;
beforeAll(async () => {
  database = await startTestDatabase();
  ada = await db.user.create({ data: { email: 'ada@labels.test', name: 'Ada', passwordHash: 'x' } });
  ben = await db.user.create({ data: { email: 'ben@labels.test', name: 'Ben', passwordHash: 'x' } });
  for (const n of [1, 2, 3]) await db.conversationIndex.create({ data: { sid: sid(n), assigneeId: ada.id, customerAddress: '+15550009999' } });
});
afterAll(async () => database.close());

describe('labels', () => {
  it('are applied by the owner, never by another agent, and read back by the inbox and the console', async () => {
    const billing = await saveLabel({ input: { name: 'Billing', color: 'amber' } });
    const vip = await saveLabel({ input: { name: 'VIP', color: 'violet' } });
    await expect(saveLabel({ input: { name: 'VIP', color: 'red' } })).rejects.toMatchObject({ code: 'conflict' });

    await setConversationLabels({ user: ada, conversationSid: sid(1), labelIds: [billing.id, vip.id] });
    await expect(setConversationLabels({ user: ben, conversationSid: sid(1), labelIds: [] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setConversationLabels({ user: ada, conversationSid: sid(1), labelIds: ['no-such-label'] })).rejects.toMatchObject({ code: 'invalid_request' });
    await setConversationLabels({ user: ada, conversationSid: sid(1), labelIds: [vip.id] });

    const { labels, marks } = await readConversationMarks(ada.id);
    expect(labels.map((label) => label.name)).toEqual(['Billing', 'VIP']);
    expect(marks[sid(1)]?.labelIds).toEqual([vip.id]);
    expect((await readFloorOverview()).conversations.find((row) => row.sid === sid(1))?.labels).toEqual([{ id: vip.id, name: 'VIP', color: 'violet' }]);
  });
});

describe('snooze', () => {
  it('until the customer replies: out until they write, then back with a notice until the team answers', async () => {
    await expect(snoozeConversation({ user: ben, conversationSid: sid(2), snooze: { until: null, untilReply: true } })).rejects.toMatchObject({ code: 'forbidden' });
    const snoozedAt = new Date();
    await snoozeConversation({ user: ada, conversationSid: sid(2), snooze: { until: null, untilReply: true }, now: snoozedAt });
    expect((await readConversationMarks(ada.id)).marks[sid(2)]).toMatchObject({ snoozeUntilReply: true, wokeUp: null });
    expect((await readFloorOverview()).conversations.find((row) => row.sid === sid(2))?.snooze).toEqual({ until: null, untilReply: true });

    // A retried webhook for a message from before the snooze does not end it.
    expect(await customerWrites(sid(2), new Date(snoozedAt.getTime() - 60_000))).toBe(false);
    expect(await customerWrites(sid(2), new Date(snoozedAt.getTime() + 5_000))).toBe(true);
    expect((await readConversationMarks(ada.id)).marks[sid(2)]).toMatchObject({ snoozeUntilReply: false, snoozedUntil: null, wokeUp: { reason: 'REPLY' } });

    await recordMessage({ conversationSid: sid(2), messageSid: `IM${String(++messageNumber).padStart(32, '0')}`, author: ada.id, body: 'Welcome back', mediaCount: 0, at: new Date(Date.now() + 10_000) });
    expect((await readConversationMarks(ada.id)).marks[sid(2)]?.wokeUp).toBeNull();
  });

  it('until a time: woken by the timer when it comes, not before', async () => {
    const now = new Date();
    const until = new Date(now.getTime() + 60 * 60_000);
    await expect(snoozeConversation({ user: ada, conversationSid: sid(3), snooze: { until: new Date(now.getTime() - 1000).toISOString(), untilReply: false }, now })).rejects.toMatchObject({ code: 'invalid_request' });
    await snoozeConversation({ user: ada, conversationSid: sid(3), snooze: { until: until.toISOString(), untilReply: false }, now });

    expect((await wakeDueSnoozes(new Date(until.getTime() - 1000)))?.toISOString()).toBe(until.toISOString());
    expect((await readConversationMarks(ada.id)).marks[sid(3)]?.snoozedUntil).toBe(until.toISOString());
    expect(await wakeDueSnoozes(until)).toBeNull();
    expect((await readConversationMarks(ada.id)).marks[sid(3)]).toMatchObject({ snoozedUntil: null, wokeUp: { reason: 'TIME' } });
  });

  it('ends by hand, and never on a closed conversation', async () => {
    await snoozeConversation({ user: ada, conversationSid: sid(3), snooze: { until: null, untilReply: true } });
    await unsnoozeConversation({ user: ada, conversationSid: sid(3) });
    await expect(unsnoozeConversation({ user: ada, conversationSid: sid(3) })).rejects.toMatchObject({ code: 'conflict' });
    await db.conversationIndex.update({ where: { sid: sid(3) }, data: { state: 'CLOSED' } });
    await expect(snoozeConversation({ user: ada, conversationSid: sid(3), snooze: { until: null, untilReply: true } })).rejects.toMatchObject({ code: 'conflict' });
  });
});
