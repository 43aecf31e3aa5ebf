import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { metrics } from '@/lib/observability/metrics';
import { processWebhook } from '@/lib/webhooks/process-webhook';
import { startTestDatabase } from '../support/test-database';

const AUTH_TOKEN = 'test-auth-token';
const URL = 'https://switchboard.example.com/api/webhooks/twilio';
const CONVERSATION = `CH${'1'.repeat(32)}`;

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => database.close());

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
const sign = (params: Record<string, string>, token = AUTH_TOKEN, url = URL) => twilio.getExpectedTwilioSignature(token, url, params);
const deferred: (() => Promise<void>)[] = [];
const send = (params: Record<string, string>, headers: { signature?: string | null; idempotencyToken?: string | null } = {}) =>
  processWebhook({
    body: form(params),
    signature: headers.signature === undefined ? sign(params) : headers.signature,
    idempotencyToken: headers.idempotencyToken ?? null,
    authToken: AUTH_TOKEN,
    url: URL,
    defer: (work) => deferred.push(work),
  });

const messageAdded = (index: number, body = 'Hi, my order is late') => ({
  AccountSid: `AC${'0'.repeat(32)}`,
  EventType: 'onMessageAdded',
  Source: 'SMS',
  ConversationSid: CONVERSATION,
  MessageSid: `IM${String(index).padStart(32, '0')}`,
  Index: String(index),
  Author: '+15558675310',
  Body: body,
  DateCreated: new Date(Date.UTC(2026, 10, 21, 9, index)).toISOString(),
});

describe('the Twilio webhook endpoint', () => {
  it('refuses a forged, re-signed or unsigned request with 403 and records nothing', async () => {
    const params = messageAdded(0);
    expect(await send(params, { signature: sign(params, 'not-the-auth-token') })).toMatchObject({ status: 403 });
    expect(await send(params, { signature: null })).toMatchObject({ status: 403 });
    // Signed for another URL (a replay against a different endpoint).
    expect(await send(params, { signature: sign(params, AUTH_TOKEN, 'https://evil.example/hook') })).toMatchObject({ status: 403 });
    // Tampered after signing.
    expect(await send({ ...params, Body: 'changed' }, { signature: sign(params) })).toMatchObject({ status: 403 });
    expect(await db.conversationIndex.count()).toBe(0);
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it('processes a signed event once, however often Twilio retries it', async () => {
    const params = messageAdded(1);
    const results = await Promise.all([1, 2, 3].map(() => send(params, { idempotencyToken: 'token-1' })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(await db.webhookReceipt.count()).toBe(1);
    const row = await db.conversationIndex.findUniqueOrThrow({ where: { sid: CONVERSATION } });
    expect(row).toMatchObject({ lastMessagePreview: 'Hi, my order is late', firstInboundAt: new Date(params.DateCreated) });
    // Nobody is available, so it waits in the queue (routed once: one history entry).
    expect(row.queuedAt).not.toBeNull();
    expect(await db.assignment.count({ where: { conversationSid: CONVERSATION } })).toBe(1);
  });

  it('records a reply once however often Twilio retries it, keeping no receipt for it', async () => {
    const REPLIED = `CH${'8'.repeat(32)}`;
    await db.user.create({ data: { id: 'replier', email: 'replier@example.com', name: 'Replier', passwordHash: 'x' } });
    await send({ ...messageAdded(20, 'Where is it?'), ConversationSid: REPLIED, MessageSid: `IM${'20'.padStart(32, '0')}` }, { idempotencyToken: 'asked' });
    const reply = { ...messageAdded(21, 'It ships today.'), ConversationSid: REPLIED, MessageSid: `IM${'21'.padStart(32, '0')}`, Author: 'replier' };
    const results = await Promise.all([1, 2, 3].map(() => send(reply, { idempotencyToken: 'replied' })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(await db.messageIndex.count({ where: { conversationSid: REPLIED } })).toBe(2);
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: REPLIED } })).toMatchObject({
      lastMessagePreview: 'It ships today.',
      firstResponseAt: new Date(reply.DateCreated),
      firstResponderId: 'replier',
      awaitingReplySince: null,
    });
    expect(await db.webhookReceipt.count({ where: { idempotencyToken: 'replied' } })).toBe(0);
    // The customer's message keeps its receipt: it routes.
    expect(await db.webhookReceipt.count({ where: { idempotencyToken: 'asked' } })).toBe(1);
  });

  it('acknowledges events it does not act on, and rejects malformed ones with 400', async () => {
    const userUpdated = { EventType: 'onUserUpdated', Identity: 'x' };
    expect(await send(userUpdated)).toEqual({ status: 200 });
    const broken = { EventType: 'onMessageAdded', ConversationSid: 'not-a-sid' };
    expect(await send(broken)).toMatchObject({ status: 400 });
  });

  it('records the newest message even when webhooks arrive out of order', async () => {
    await send(messageAdded(5, 'newest'), { idempotencyToken: 'token-5' });
    await send(messageAdded(3, 'older'), { idempotencyToken: 'token-3' });
    const row = await db.conversationIndex.findUniqueOrThrow({ where: { sid: CONVERSATION } });
    expect(row.lastMessagePreview).toBe('newest');
    expect(row.lastInboundAt).toEqual(new Date(messageAdded(5).DateCreated));
  });
});

describe('webhooks that change a conversation', () => {
  const CLOSING = `CH${'2'.repeat(32)}`;
  const GROUP = `CH${'3'.repeat(32)}`;
  const conversationEvent = (sid: string, eventType: string, extra: Record<string, string | string[]> = {}) => ({ EventType: eventType, ConversationSid: sid, ...extra });
  const sendForm = (params: Record<string, string | string[]>, token: string) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    return processWebhook({
      body: body.toString(),
      signature: twilio.getExpectedTwilioSignature(AUTH_TOKEN, URL, params),
      idempotencyToken: token,
      authToken: AUTH_TOKEN,
      url: URL,
      defer: () => undefined,
    });
  };

  it('records a close once, with its history, whichever of Twilio’s close events comes first', async () => {
    await send({ ...messageAdded(0), ConversationSid: CLOSING, MessageSid: `IM${'2'.repeat(32)}` }, { idempotencyToken: 'close-msg' });
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: CLOSING } })).queuedAt).not.toBeNull();
    await sendForm(conversationEvent(CLOSING, 'onConversationUpdated', { State: 'closed' }), 'close-1');
    await sendForm(conversationEvent(CLOSING, 'onConversationStateUpdated', { StateFrom: 'active', StateTo: 'closed' }), 'close-2');
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: CLOSING } })).toMatchObject({ state: 'CLOSED', queuedAt: null });
    expect((await db.assignment.findMany({ where: { conversationSid: CLOSING }, orderBy: { createdAt: 'asc' } })).map((a) => a.reason)).toEqual(['QUEUE', 'RESOLVED']);
  });

  it('indexes an auto-created group text by its projected address, and its members’ bindings do not turn it into SMS', async () => {
    await sendForm(
      conversationEvent(GROUP, 'onConversationAdded', {
        'MessagingBinding.Address': ['+15550001111', '+15550002222'],
        'MessagingBinding.ProjectedAddress': '+15017122661',
        'MessagingBinding.AuthorAddress': '+15550001111',
      }),
      'group-added',
    );
    await sendForm(conversationEvent(GROUP, 'onParticipantAdded', { 'MessagingBinding.Address': '+15550002222' }), 'group-member');
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: GROUP } })).toMatchObject({
      channel: 'GROUP',
      twilioNumber: '+15017122661',
      members: ['+15550001111', '+15550002222'],
      customerAddress: null,
    });
  });

  it('indexes a 1:1 conversation from whichever of its added events comes first, and writes nothing when the participant repeats it', async () => {
    const [FIRST, SECOND] = [`CH${'6'.repeat(32)}`, `CH${'7'.repeat(32)}`];
    const binding = (address: string) => ({ 'MessagingBinding.Address': address, 'MessagingBinding.ProxyAddress': '+15017122661' });
    await sendForm(conversationEvent(FIRST, 'onConversationAdded', binding('+15550003333')), 'one-added');
    const added = await db.conversationIndex.findUniqueOrThrow({ where: { sid: FIRST } });
    await sendForm(conversationEvent(FIRST, 'onParticipantAdded', binding('+15550003333')), 'one-participant');
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: FIRST } })).updatedAt).toEqual(added.updatedAt);
    // Nor does Twilio's retry of it, handled again without a receipt.
    await sendForm(conversationEvent(FIRST, 'onParticipantAdded', binding('+15550003333')), 'one-participant');
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: FIRST } })).updatedAt).toEqual(added.updatedAt);
    expect(await db.webhookReceipt.count({ where: { idempotencyToken: 'one-participant' } })).toBe(0);

    await sendForm(conversationEvent(SECOND, 'onParticipantAdded', binding('+15550004444')), 'two-participant');
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: SECOND } })).toMatchObject({ channel: 'SMS', customerAddress: '+15550004444', twilioNumber: '+15017122661', contactId: expect.any(String) });
  });

  it('remembers a reply that failed to reach the phone until a later one is delivered', async () => {
    const delivery = (status: string, minute: number, ErrorCode = '0') =>
      sendForm({ EventType: 'onDeliveryUpdated', ConversationSid: CONVERSATION, MessageSid: `IM${String(minute).padStart(32, '0')}`, Status: status, ErrorCode, DateUpdated: new Date(Date.UTC(2026, 10, 21, 10, minute)).toISOString() }, `delivery-${status}-${minute}`);
    await delivery('undelivered', 1, '30003');
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: CONVERSATION } })).toMatchObject({ deliveryErrorCode: '30003' });
    await delivery('delivered', 2);
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: CONVERSATION } })).toMatchObject({ deliveryFailedAt: null, deliveryErrorCode: null });
  });

  it('weighs delivery updates by their time, not the order they arrive in', async () => {
    const delivery = (status: string, minute: number, ErrorCode = '0') =>
      sendForm({ EventType: 'onDeliveryUpdated', ConversationSid: CONVERSATION, MessageSid: `IM${String(minute).padStart(32, '0')}`, Status: status, ErrorCode, DateUpdated: new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString() }, `late-${status}-${minute}`);
    const failure = async () => (await db.conversationIndex.findUniqueOrThrow({ where: { sid: CONVERSATION } })).deliveryErrorCode;
    // A failure reported after a later reply was delivered is stale.
    await delivery('delivered', 5);
    await delivery('undelivered', 4, '30003');
    expect(await failure()).toBeNull();
    // The newer of two failures stands, whichever comes last; an older delivery does not clear it.
    await delivery('failed', 7, '30005');
    await delivery('undelivered', 6, '30003');
    await delivery('delivered', 6);
    expect(await failure()).toBe('30005');
    await delivery('read', 8);
    expect(await failure()).toBeNull();
    // Twilio's retry of an old failure is handled again, and is as stale the second time; no receipt is kept for it.
    await delivery('undelivered', 4, '30003');
    expect(await failure()).toBeNull();
    expect(await db.webhookReceipt.count({ where: { idempotencyToken: { startsWith: 'late-' } } })).toBe(0);
  });
});

describe('rejected webhooks', () => {
  const TARGET = `CH${'4'.repeat(32)}`;
  const count = async (outcome: string, reason: string) =>
    (await metrics.webhooks.get()).values.find((value) => value.labels.outcome === outcome && value.labels.reason === reason)?.value ?? 0;

  it('are counted by reason and logged as one JSON line each', async () => {
    const lines: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const [forged, invalid] = [await count('rejected', 'bad_signature'), await count('rejected', 'invalid_payload')];
      const params = { ...messageAdded(40), ConversationSid: TARGET, EventType: 'onConversationStateUpdated', StateTo: 'closed' };
      await send(params, { signature: sign(params, 'forged-token') });
      await send(params, { signature: null });
      await send({ EventType: 'onMessageAdded', ConversationSid: 'not-a-sid' });
      expect(await count('rejected', 'bad_signature')).toBe(forged + 2);
      expect(await count('rejected', 'invalid_payload')).toBe(invalid + 1);
    } finally {
      stderr.mockRestore();
    }
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'webhook_rejected');
    expect(logged).toEqual([
      expect.objectContaining({ level: 'warn', reason: 'bad_signature', detail: 'invalid', eventType: 'onConversationStateUpdated' }),
      expect.objectContaining({ reason: 'bad_signature', detail: 'missing' }),
      expect.objectContaining({ reason: 'invalid_payload', eventType: 'onMessageAdded' }),
    ]);
    // Nothing they said happened.
    expect(await db.conversationIndex.findUnique({ where: { sid: TARGET } })).toBeNull();
  });
});
