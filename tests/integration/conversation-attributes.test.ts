import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import type { CurrentUser } from '@/lib/auth/current-user';
import { readContactOfConversation } from '@/lib/contacts/read-contact';
import { updateContact } from '@/lib/contacts/update-contact';
import { describeAttributes } from '@/lib/conversations/conversation-descriptor';
import { db } from '@/lib/db/client';
import { configureTwilio } from '@/lib/twilio/configure-twilio';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';
import { startWebhookApp, type WebhookApp } from '../support/webhook-app';

// A conversation Twilio creates for a texting customer is described once, when it is added: its
// attributes are written from what the webhook reported, with no echo coming back, and a customer
// the team knows is named in them from the start.

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
let app: WebhookApp;
const NUMBER = '+15017122661';
let sam: CurrentUser;

beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  app = await startWebhookApp(emulator.credentials.authToken);
  await configureTwilio({ webhookUrl: app.webhookUrl, preActionWebhookUrl: app.preActionWebhookUrl, numbers: [NUMBER] });
  sam = { ...(await db.user.create({ data: { email: 'sam@example.com', name: 'Sam', passwordHash: 'x', role: 'SUPERVISOR' }, select: { id: true, name: true, email: true, role: true } })), active: true } as unknown as CurrentUser;
});
afterAll(async () => Promise.all([app.close(), emulator.close(), database.close()]));

const texts = async (from: string, body: string): Promise<string> => {
  const sent = await emulator.carrier.send({ from, to: [NUMBER], body, mediaSids: [] });
  await emulator.webhooks.idle();
  await app.settled();
  if (!('conversationSid' in sent.routing)) throw new Error(`not delivered: ${sent.routing.outcome}`);
  return sent.routing.conversationSid;
};
const attributesOf = async (sid: string) => describeAttributes((await getTwilioClient().conversations.v1.conversations(sid).fetch()).attributes);

describe('an inbound conversation’s attributes', () => {
  it('are written once when it is added, with no webhook echo, and name a known customer from the start', async () => {
    const first = await texts('+15557770101', 'Hello');
    expect(await attributesOf(first)).toEqual({ channel: 'sms', customer: { address: '+15557770101' }, twilioNumber: NUMBER });
    expect(await db.webhookReceipt.count({ where: { eventType: 'onConversationUpdated' } })).toBe(0);

    const contact = (await readContactOfConversation(sam, first))!;
    await updateContact({ user: sam, contactId: contact.id, input: { name: 'Dana Whitfield' } });
    await getTwilioClient().conversations.v1.conversations(first).update({ state: 'closed', xTwilioWebhookEnabled: 'true' });
    await emulator.webhooks.idle();
    await app.settled();

    const second = await texts('+15557770101', 'Me again');
    expect(second).not.toBe(first);
    expect(await attributesOf(second)).toEqual({ channel: 'sms', customer: { address: '+15557770101', name: 'Dana Whitfield' }, twilioNumber: NUMBER });
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: second } })).toMatchObject({ contactId: contact.id, customerName: 'Dana Whitfield' });
  });
});
