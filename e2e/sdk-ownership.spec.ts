import { expect } from '@playwright/test';
import type { Client } from '@twilio/conversations';
import { DEMO } from './fixtures/auth';
import { emulatorClient, uniqueCustomerNumber } from './fixtures/emulator';
import { startSharedConversation } from './fixtures/conversations';
import { customerSends, expectPhoneReceives, phoneMessages, SMS_NUMBER } from './fixtures/phone';
import { apiSession, joinedConversation, sdkClient, shutdownSdkClients, tokenFor } from './fixtures/sdk';
import { createMember, test } from './fixtures/team';

// The SDK token the app gives an agent is a second door into Twilio. These tests use it the way
// anyone could from their browser's console — the official SDK, in Node, against the running app
// and its Twilio — and check that Twilio itself refuses what the UI forbids.

test.afterEach(shutdownSdkClients);

const FORBIDDEN = 403;
type TwilioRefusal = { status?: number; code?: number; message?: string };

/** Refused by Twilio with its own error (a 4xx; a conversation one may not see answers as absent). */
async function expectRefused(action: Promise<unknown>) {
  const error = (await action.then(
    () => null,
    (caught: unknown) => caught as TwilioRefusal,
  )) as TwilioRefusal | null;
  expect(error, 'Twilio accepted what it should have refused').not.toBeNull();
  expect([FORBIDDEN, 404]).toContain(error!.status);
}

const messagesIn = async (sid: string) => (await emulatorClient().conversations.v1.conversations(sid).messages.list()).map((m) => ({ author: m.author, body: m.body }));
const identitiesIn = async (sid: string) => (await emulatorClient().conversations.v1.conversations(sid).participants.list()).flatMap((p) => (p.identity ? [p.identity] : [])).sort();

async function startOwnedConversation(session: Awaited<ReturnType<typeof apiSession>>, customer: string): Promise<string> {
  const response = await session.post('/api/conversations', { data: { channel: 'sms', customerNumber: customer, from: SMS_NUMBER } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { conversationSid: string }).conversationSid;
}

test('an agent’s own token cannot join, add anyone to, or write in a conversation they do not own; the owner can', async ({ browser }) => {
  const [ada, ben] = await Promise.all([createMember(browser, { name: 'Ada Owner' }), createMember(browser, { name: 'Ben Outsider' })]);
  const [adaApi, benApi] = await Promise.all([apiSession(ada), apiSession(ben)]);
  const customer = uniqueCustomerNumber();
  const sid = await startOwnedConversation(adaApi, customer);
  const [adaSdk, benSdk] = await Promise.all([sdkClient(await tokenFor(adaApi)), sdkClient(await tokenFor(benApi))]);

  // Ben: the attack of the report — get the conversation, join it, write to the customer.
  await expectRefused(benSdk.getConversationBySid(sid));
  await expectRefused(benSdk.peekConversationBySid(sid));
  await expectRefused(benSdk.createConversation({ friendlyName: 'my own' }));
  expect(await identitiesIn(sid)).toEqual([ada.id]);

  // Ada, the owner: writes, and the customer's phone gets it.
  const adaConversation = await joinedConversation(adaSdk, sid);
  await adaConversation.sendMessage('Hello from your agent');
  await expectPhoneReceives(customer, (m) => m.body === 'Hello from your agent');
  // Even the owner cannot bring someone in on her own: the server decides who takes part.
  await expectRefused(adaConversation.add(ben.id));
  expect(await identitiesIn(sid)).toEqual([ada.id]);
  expect(await messagesIn(sid)).toEqual([{ author: ada.id, body: 'Hello from your agent' }]);
});

test('in a conversation Ben takes part in but does not own, Twilio refuses his writes (the pre-action webhook)', async ({ browser }) => {
  const [ada, ben] = await Promise.all([createMember(browser, { name: 'Ada Shared' }), createMember(browser, { name: 'Ben Shared' })]);
  const customer = uniqueCustomerNumber();
  // Both in it (made over REST by some other tool); the customer writes, and a supervisor
  // assigns it to Ada.
  const sid = await startSharedConversation({ customer, agents: [ada.id, ben.id] });
  await customerSends({ from: customer, to: SMS_NUMBER, body: 'Anyone there?' });
  const supervisor = await apiSession({ email: DEMO.supervisor.email, password: DEMO.password });
  // Once its webhook has indexed it (Twilio's webhooks may queue behind others).
  await expect
    .poll(async () => (await supervisor.post(`/api/conversations/${sid}/transfer`, { data: { to: ada.id } })).status(), { timeout: 30_000 })
    .toBe(200);
  const before = await messagesIn(sid);

  const benSdk = await sdkClient(await tokenFor(await apiSession(ben)));
  const benConversation = await joinedConversation(benSdk, sid);
  await expectRefused(benConversation.sendMessage('Psst, write to me instead'));
  await expectRefused(benConversation.add(`${ben.id}-friend`));
  expect(await messagesIn(sid)).toEqual(before);
  expect((await phoneMessages(customer)).filter((m) => m.direction === 'received')).toEqual([]);

  const adaSdk = await sdkClient(await tokenFor(await apiSession(ada)));
  await (await joinedConversation(adaSdk, sid)).sendMessage('Ada here');
  expect(await messagesIn(sid)).toEqual([...before, { author: ada.id, body: 'Ada here' }]);
});

test('after a transfer the previous owner’s token can no longer send; a supervisor stepping in through the app can', async ({ browser }) => {
  const [ada, ben] = await Promise.all([createMember(browser, { name: 'Ada Before' }), createMember(browser, { name: 'Ben After' })]);
  const adaApi = await apiSession(ada);
  const customer = uniqueCustomerNumber();
  const sid = await startOwnedConversation(adaApi, customer);
  const adaSdk = await sdkClient(await tokenFor(adaApi));
  const adaConversation = await joinedConversation(adaSdk, sid);
  await adaConversation.sendMessage('Before the transfer');
  // Her client drops the conversation when Twilio tells it she left; until then it answers
  // getConversationBySid from its own cache, as the SDK does against Twilio.
  const adaLeft = new Promise<void>((resolve) => adaSdk.on('conversationLeft', (left) => left.sid === sid && resolve()));

  expect((await adaApi.post(`/api/conversations/${sid}/transfer`, { data: { to: ben.id } })).status()).toBe(200);
  await expect.poll(() => identitiesIn(sid)).toEqual([ben.id]);
  await expectRefused(adaConversation.sendMessage('After the transfer'));
  await adaLeft;
  await expectRefused(adaSdk.getConversationBySid(sid));
  const benSdk = await sdkClient(await tokenFor(await apiSession(ben)));
  await (await joinedConversation(benSdk, sid)).sendMessage('Ben now');

  // The supervisor writes through the app without taking part…
  const supervisor = await apiSession({ email: DEMO.supervisor.email, password: DEMO.password });
  const supervisorId = ((await (await supervisor.get('/api/auth/session')).json()) as { user: { id: string } }).user.id;
  const stepIn = await supervisor.post(`/api/conversations/${sid}/messages`, { data: { body: 'A supervisor here' } });
  expect(stepIn.status()).toBe(201);
  // …and, taking it over, becomes its owner in Twilio: their own token writes too.
  expect((await supervisor.post(`/api/conversations/${sid}/transfer`, { data: { to: supervisorId } })).status()).toBe(200);
  const supervisorSdk = await sdkClient(await tokenFor(supervisor));
  await (await joinedConversation(supervisorSdk, sid)).sendMessage('Taken over');
  expect(await messagesIn(sid)).toEqual([
    { author: ada.id, body: 'Before the transfer' },
    { author: ben.id, body: 'Ben now' },
    { author: supervisorId, body: 'A supervisor here' },
    { author: supervisorId, body: 'Taken over' },
  ]);
});

test('a disabled person’s still-valid token can no longer write anything, and they are out of every conversation', async ({ browser }) => {
  const ben = await createMember(browser, { name: 'Ben Leaving' });
  const benApi = await apiSession(ben);
  const customer = uniqueCustomerNumber();
  const owned = await startOwnedConversation(benApi, customer);
  const shared = await startSharedConversation({ customer: uniqueCustomerNumber(), agents: [ben.id] });
  const grant = await tokenFor(benApi);
  const benSdk = await sdkClient(grant);
  const ownedConversation = await joinedConversation(benSdk, owned);
  const sharedConversation = await joinedConversation(benSdk, shared);
  await ownedConversation.sendMessage('Still here');
  const [ownMessage] = (await ownedConversation.getMessages()).items;
  const benLeft = new Promise<void>((resolve) => benSdk.on('conversationLeft', (left) => left.sid === owned && resolve()));

  const admin = await apiSession({ email: DEMO.admin.email, password: DEMO.password });
  expect((await admin.patch(`/api/admin/users/${ben.id}`, { data: { active: false } })).status()).toBe(200);

  // Out of every conversation, the one he owned back in the queue (or with someone else).
  expect(await identitiesIn(owned)).not.toContain(ben.id);
  expect(await identitiesIn(shared)).not.toContain(ben.id);
  // The token is still valid — the same client, and a new one made from it — but writes nothing.
  const reconnected = await sdkClient(grant);
  await benLeft; // until then his client answers from its cache
  for (const client of [benSdk, reconnected] as Client[]) {
    await expectRefused(client.getConversationBySid(owned));
    await expectRefused(client.createConversation({ friendlyName: 'after leaving' }));
    await expectRefused(client.user.updateFriendlyName('still Ben'));
  }
  await expectRefused(ownedConversation.sendMessage('After being disabled'));
  await expectRefused(sharedConversation.sendMessage('After being disabled'));
  await expectRefused(ownMessage!.updateBody('edited after leaving'));
  expect(await messagesIn(owned)).toEqual([{ author: ben.id, body: 'Still here' }]);
  expect(await messagesIn(shared)).toEqual([]);
  // And the app no longer hands him a token.
  expect((await benApi.get('/api/token')).status()).toBe(401);
});
