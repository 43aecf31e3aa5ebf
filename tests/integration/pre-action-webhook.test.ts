import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { processPreAction } from '@/lib/webhooks/process-pre-action';
import { startTestDatabase } from '../support/test-database';

const AUTH_TOKEN = 'test-auth-token';
const URL = 'https://switchboard.example.com/api/webhooks/twilio/pre-action';
const OWNED = `CH${'1'.repeat(32)}`;

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
  await db.user.createMany({
    data: [
      { id: 'ada', email: 'ada@example.com', name: 'Ada', passwordHash: 'x' },
      { id: 'ben', email: 'ben@example.com', name: 'Ben', passwordHash: 'x' },
      { id: 'gone', email: 'gone@example.com', name: 'Gone', passwordHash: 'x', active: false },
    ],
  });
  await db.conversationIndex.create({ data: { sid: OWNED, assigneeId: 'ada' } });
});
afterAll(async () => database.close());

const ask = (params: Record<string, string>, signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, URL, params)) =>
  processPreAction({ body: new URLSearchParams(params).toString(), signature, authToken: AUTH_TOKEN, url: URL });
const messageAdd = (source: string, identity: string | null, conversationSid = OWNED) => ({
  AccountSid: `AC${'0'.repeat(32)}`,
  EventType: 'onMessageAdd',
  Source: source,
  ...(identity ? { ClientIdentity: identity, Author: identity } : { Author: '+15558675310' }),
  ConversationSid: conversationSid,
  Body: 'hello',
});

describe('the pre-action webhook endpoint', () => {
  it('answers 2xx (publish) for the owner and 403 (refuse) for anyone else writing through the SDK', async () => {
    expect(await ask(messageAdd('SDK', 'ada'))).toEqual({ status: 200 });
    expect(await ask(messageAdd('SDK', 'ben'))).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    expect(await ask({ ...messageAdd('SDK', 'ben'), EventType: 'onParticipantAdd', Identity: 'ben' })).toMatchObject({ status: 403 });
    expect(await ask(messageAdd('SDK', 'gone'))).toMatchObject({ status: 403, error: { message: 'This account is disabled.' } });
    expect(await ask(messageAdd('SDK', 'nobody'))).toMatchObject({ status: 403 });
  });

  it('publishes customers’ texts and the app’s own REST writes without a look', async () => {
    expect(await ask(messageAdd('SMS', null))).toEqual({ status: 200 });
    expect(await ask({ ...messageAdd('API', null), Author: 'ben' })).toEqual({ status: 200 });
    // Events it does not vet are published as they are.
    expect(await ask({ ...messageAdd('SDK', 'ben'), EventType: 'onConversationUpdate' })).toEqual({ status: 200 });
  });

  it('answers nothing but 403 to an unsigned or wrongly signed request', async () => {
    const params = messageAdd('SDK', 'ada');
    expect(await ask(params, twilio.getExpectedTwilioSignature('not-the-token', URL, params))).toMatchObject({ status: 403 });
    expect(await ask(params, '')).toMatchObject({ status: 403 });
  });
});
