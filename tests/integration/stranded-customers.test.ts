import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { acknowledgeAttention } from '@/lib/attention/acknowledge-attention';
import { readAttention } from '@/lib/attention/read-attention';
import { db } from '@/lib/db/client';
import { GRACE_MS } from '@/lib/reconciler/grace-period';
import { reconcileConversations } from '@/lib/reconciler/reconcile-conversations';
import { configureTwilio } from '@/lib/twilio/configure-twilio';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { processWebhook } from '@/lib/webhooks/process-webhook';
import { freePort } from '../support/free-port';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';
import { startWebhookApp, type WebhookApp } from '../support/webhook-app';

// Nothing a customer sends is stranded: content never breaks the webhook, what cannot be
// processed is set aside with its reason, and conversations whose webhooks were lost are found
// and routed by the reconciler.

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
let app: WebhookApp;
const [NUMBER] = ['+15017122661'];

beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  app = await startWebhookApp(emulator.credentials.authToken);
  await db.user.create({ data: { id: 'ada', email: 'ada@example.com', name: 'Ada', passwordHash: 'x', capacity: 2 } });
});
afterAll(async () => Promise.all([app.close(), emulator.close(), database.close()]));

/** Ada is at her desk and available: routing can give her conversations. */
const adaAvailable = () => db.user.update({ where: { id: 'ada' }, data: { availability: 'AVAILABLE', lastSeenAt: new Date() } });
const participantsOf = async (sid: string) => (await getTwilioClient().conversations.v1.conversations(sid).participants.list()).flatMap((p) => (p.identity ? [p.identity] : []));
const conversationOf = (sent: Awaited<ReturnType<Emulator['carrier']['send']>>): string => {
  if (!('conversationSid' in sent.routing)) throw new Error(`the text was not delivered to Twilio: ${sent.routing.outcome}`);
  return sent.routing.conversationSid;
};
const settle = async () => {
  await emulator.webhooks.idle();
  await app.settled();
};

describe('an inbound text with control characters', () => {
  beforeEach(async () => {
    await configureTwilio({ webhookUrl: app.webhookUrl, preActionWebhookUrl: app.preActionWebhookUrl, numbers: [NUMBER] });
    await adaAvailable();
  });

  it('is indexed and routed like any other, the characters left out of what is stored', async () => {
    const sent = await emulator.carrier.send({ from: '+15557770001', to: [NUMBER], body: 'help\u0000me \u0007now\u001b', mediaSids: [] });
    await settle();
    const sid = conversationOf(sent);
    const row = await db.conversationIndex.findUniqueOrThrow({ where: { sid } });
    expect(row).toMatchObject({ assigneeId: 'ada', lastMessagePreview: 'helpme now', customerAddress: '+15557770001' });
    expect(await participantsOf(sid)).toContain('ada');
    expect(await db.deadLetter.count()).toBe(0);
    // Twilio keeps the customer's words as sent.
    expect((await getTwilioClient().conversations.v1.conversations(sid).messages.list())[0]?.body).toBe('help\u0000me \u0007now\u001b');
  });
});

describe('a webhook that cannot be processed', () => {
  it('is recorded as a dead letter with its reason, once however often Twilio retries it, and needs attention', async () => {
    const params = { EventType: 'onMessageAdded', ConversationSid: 'CH-not-a-sid', MessageSid: `IM${'4'.repeat(32)}`, Author: '+15557770002', Body: 'hello' };
    const deliver = (retryCount: number) => {
      const form = { ...params, RetryCount: String(retryCount) };
      return processWebhook({
        body: new URLSearchParams(form).toString(),
        signature: twilio.getExpectedTwilioSignature(emulator.credentials.authToken, app.webhookUrl, form),
        idempotencyToken: 'dead-1',
        authToken: emulator.credentials.authToken,
        url: app.webhookUrl,
        defer: () => undefined,
      });
    };
    expect(await deliver(0)).toMatchObject({ status: 400 });
    expect(await deliver(1)).toMatchObject({ status: 400 });
    const letters = await db.deadLetter.findMany();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ source: 'webhook', eventType: 'onMessageAdded', attempts: 2, resolvedAt: null });
    expect(letters[0]!.reason).toContain('ConversationSid');
    expect(letters[0]!.payload).toContain('Body=hello');
    const attention = await readAttention();
    expect(attention.items.find((item) => item.kind === 'dead-letter')?.summary).toContain('onMessageAdded');
    await db.deadLetter.deleteMany();
  });
});

describe('the reconciler', () => {
  it('routes every customer whose webhooks ran out of retries, each exactly once, and records the repairs', async () => {
    // The app is down: every webhook fails until Twilio gives up.
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    await configureTwilio({ webhookUrl: `${nowhere}/api/webhooks/twilio`, preActionWebhookUrl: `${nowhere}/api/webhooks/twilio/pre-action`, numbers: [NUMBER] });
    await db.conversationIndex.updateMany({ where: { assigneeId: 'ada' }, data: { state: 'CLOSED' } });
    const customers = Array.from({ length: 5 }, (_, i) => `+155577701${String(i).padStart(2, '0')}`);
    const sids = [];
    for (const customer of customers) sids.push(conversationOf(await emulator.carrier.send({ from: customer, to: [NUMBER], body: `stranded ${customer}`, mediaSids: [] })));
    await emulator.webhooks.idle();
    expect(await db.conversationIndex.count({ where: { sid: { in: sids } } })).toBe(0);
    await adaAvailable();

    // Past the grace period a webhook in flight gets: they are stranded, not on their way.
    const later = () => new Date(Date.now() + GRACE_MS + 1);
    const repairs = await reconcileConversations({ now: later() });
    expect(repairs.map((r) => r.conversationSid).sort()).toEqual([...sids].sort());
    const rows = await db.conversationIndex.findMany({ where: { sid: { in: sids } } });
    expect(rows.filter((row) => row.assigneeId === 'ada')).toHaveLength(2); // her capacity
    expect(rows.filter((row) => row.assigneeId === null && row.queuedAt !== null)).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ channel: 'SMS', twilioNumber: NUMBER, lastMessagePreview: `stranded ${row.customerAddress}` });
      expect(await db.assignment.count({ where: { conversationSid: row.sid } })).toBe(1);
      expect(await participantsOf(row.sid)).toEqual(row.assigneeId ? ['ada'] : []);
    }
    expect(await db.reconcilerRepair.count({ where: { kind: 'INDEXED' } })).toBe(5);
    expect(await db.reconcilerRepair.count({ where: { kind: 'ROUTED' } })).toBe(5);
    expect((await readAttention()).count).toBe(10);
    // A supervisor has seen them: they no longer need attention.
    await acknowledgeAttention(later());
    expect((await readAttention()).count).toBe(0);

    // Nothing left to repair: passes, even two at once, change nothing.
    expect(await Promise.all([reconcileConversations({ now: later() }), reconcileConversations({ now: later() })])).toEqual([[], []]);
    expect(await db.assignment.count({ where: { conversationSid: { in: sids } } })).toBe(5);
  });

  it('leaves alone a conversation whose webhook may still be on its way', async () => {
    const sent = await emulator.carrier.send({ from: '+15557770200', to: [NUMBER], body: 'just now', mediaSids: [] });
    await emulator.webhooks.idle();
    expect(await reconcileConversations({ now: new Date() })).toEqual([]);
    expect(await db.conversationIndex.findUnique({ where: { sid: conversationOf(sent) } })).toBeNull();
  });
});
