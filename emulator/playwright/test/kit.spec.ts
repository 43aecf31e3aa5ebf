import { Client } from '@twilio/conversations';
import { attachEmulator, expect, test } from '../index';

// The kit's fixtures against a worker's own emulator, in Node (the browser side is the sample app's
// spec in examples/sms-inbox).

test.describe.serial('fresh state', () => {
  test('a test leaves a conversation and a phone message behind', async ({ emulator, phone }) => {
    await emulator.twilio.conversations.v1.conversations.create({ friendlyName: 'left behind' });
    await phone('+15558675310').send(emulator.numbers[0]!, 'anyone?');
    expect(await emulator.twilio.conversations.v1.conversations.list()).toHaveLength(1);
  });

  test('the next test in the worker starts from an empty emulator', async ({ emulator, phone }) => {
    expect(await emulator.twilio.conversations.v1.conversations.list()).toEqual([]);
    expect(await phone('+15558675310').messages()).toEqual([]);
  });
});

test('expectMessage gives up after its timeout and lists what the phone has', async ({ emulator, phone }) => {
  const customer = phone();
  await customer.send(emulator.numbers[0]!, 'Nobody autocreates this');
  await expect(customer.expectMessage('A reply', { timeout: 500 })).rejects.toThrow(
    `Timed out after 500 ms waiting for ${customer.address} to receive "A reply". The phone has:\n  sent to ${emulator.numbers[0]}: "Nobody autocreates this" (delivered)`,
  );
});

test('expectMessage takes a pattern or a predicate, and a message already received', async ({ emulator, phone }) => {
  const customer = phone();
  const [number] = emulator.numbers;
  const conversation = await emulator.twilio.conversations.v1.conversations.create();
  await emulator.twilio.conversations.v1.conversations(conversation.sid).participants.create({ 'messagingBinding.address': customer.address, 'messagingBinding.proxyAddress': number });
  await emulator.twilio.conversations.v1.conversations(conversation.sid).messages.create({ author: 'support', body: 'Your code is 4821' });
  const byPattern = await customer.expectMessage(/code is \d{4}/, { from: number });
  expect(await customer.expectMessage((m) => m.sid === byPattern.sid)).toMatchObject({ body: 'Your code is 4821', status: 'delivered' });
});

test('the clock moves forward by a duration or to an instant, never back', async ({ clock }) => {
  const start = await clock.now();
  const later = await clock.advance('PT2H');
  expect(later.getTime() - start.getTime()).toBeGreaterThanOrEqual(2 * 3600_000);
  const target = new Date(later.getTime() + 3 * 86400_000);
  expect((await clock.set(target)).getTime()).toBeGreaterThanOrEqual(target.getTime());
  await expect(clock.set(start)).rejects.toThrow(/never goes back/);
});

test('token() mints a token the official SDK connects with', async ({ emulator, token }) => {
  const client = new Client(await token('alice'), { ...emulator.sdkOptions, logLevel: 'error' });
  try {
    await new Promise<void>((resolve, reject) => {
      client.on('stateChanged', (state) => (state === 'initialized' ? resolve() : state === 'failed' ? reject(new Error('SDK init failed')) : undefined));
    });
    expect(client.user.identity).toBe('alice');
    // Loaded before shutting down: the SDK rejects a pending load when its socket closes.
    expect((await client.getSubscribedConversations()).items).toEqual([]);
  } finally {
    await client.shutdown();
  }
});

test('webhooks: signatures are checked, and a pre-action answer refuses the change', async ({ emulator, webhooks }) => {
  const v1 = emulator.twilio.conversations.v1;
  await v1.configuration.webhooks().update({ target: 'webhook', method: 'POST', preWebhookUrl: `${webhooks.url}pre`, filters: ['onConversationAdd'] });
  webhooks.respondWith((request) => (request.params.FriendlyName === 'forbidden' ? { status: 403 } : undefined));

  await expect(v1.conversations.create({ friendlyName: 'forbidden', xTwilioWebhookEnabled: 'true' })).rejects.toMatchObject({ status: 403, code: 50550 });
  await v1.conversations.create({ friendlyName: 'fine', xTwilioWebhookEnabled: 'true' });
  const asked = await webhooks.expectRequest({ EventType: 'onConversationAdd', FriendlyName: 'fine' });
  expect(asked.url).toBe(`${webhooks.url}pre`);
  expect((await v1.conversations.list()).map((c) => c.friendlyName)).toEqual(['fine']);

  const forged = await fetch(`${webhooks.url}pre`, { method: 'POST', headers: { 'X-Twilio-Signature': 'forged' }, body: new URLSearchParams({ EventType: 'onConversationAdd', FriendlyName: 'forged' }) });
  expect(forged.status).toBe(403);
  expect(webhooks.requests().map((r) => [r.params.FriendlyName, r.isSignatureValid])).toEqual([
    ['forbidden', true],
    ['fine', true],
    ['forged', false],
  ]);
  await expect(webhooks.expectRequest({ FriendlyName: 'forged' }, { timeout: 300 })).rejects.toThrow(/\(bad signature\)/);
});

test('attaching: another handle on the same emulator sees the same phones; wrong credentials are refused', async ({ emulator, phone }) => {
  const customer = phone();
  await customer.send(emulator.numbers[0]!, 'seen from both');
  const attached = await attachEmulator({ url: emulator.url, credentials: emulator.credentials });
  expect(attached.isOwned).toBe(false);
  expect((await attached.phone(customer.address).messages()).map((m) => m.body)).toEqual(['seen from both']);
  await expect(attachEmulator({ url: emulator.url, credentials: { ...emulator.credentials, accountSid: `AC${'0'.repeat(32)}` } })).rejects.toThrow(/pass its credentials/);
});
