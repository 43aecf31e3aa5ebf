import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../src/client';
import { rejection, setupTestEmulator, startTestEmulator, tempStatePath } from './support/harness';
import { startWebhookServer, type WebhookServer } from './support/webhook-server';

/**
 * Conversation Orchestrator's capture of carrier traffic, through the helper: capture rules with `*`,
 * the three grouping types, text only, the lifecycle on the emulator clock with signed status
 * callbacks, and `conversations.list({ channelId })` for a sent message.
 */
const { emu, phone } = setupTestEmulator({}, { resetEach: true });

let hooks: WebhookServer;
beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(async () => {
  await hooks.close();
});

const CUSTOMER = '+15550001111';
const OTHER = '+15550002222';
const v2 = () => emu.client.conversations.v2;
const sms = () => emu.numbers[0] ?? '';
const whatsapp = () => emu.numbers.find((n) => n.startsWith('whatsapp:')) ?? '';

type ConfigOverrides = Record<string, unknown>;

/** Creates a configuration and waits for its operation; answers its id. */
const configure = async (overrides: ConfigOverrides = {}): Promise<string> => {
  const accepted = await v2().configurations.create({
    displayName: 'Capture',
    conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE',
    channelSettings: {
      SMS: { captureRules: [{ from: '*', to: sms() }, { from: sms(), to: '*' }] },
      WHATSAPP: { captureRules: [{ from: '*', to: whatsapp() }, { from: whatsapp(), to: '*' }] },
    },
    ...overrides,
  } as never);
  await emu.orchestrator.idle();
  const operation = await v2().operations((accepted.statusUrl ?? '').split('/').pop() ?? '').fetch();
  expect(operation.status).toBe('COMPLETED');
  return accepted.related?.configurationId ?? '';
};

/** Everything in flight (deliveries, capture, callbacks) has finished. */
const settle = async () => {
  await emu.carrier.idle();
  await emu.orchestrator.idle();
};

const texts = async (conversationId: string) =>
  (await v2().communications(conversationId).list()).map((c) => [c.author.address, c.content.text]);

describe('Conversation Orchestrator capture', () => {
  it('captures inbound and outbound text by rule, and finds a sent message’s conversation by its id', async () => {
    const configurationId = await configure({ channelSettings: { SMS: { captureRules: [{ from: '*', to: sms() }, { from: sms(), to: '*' }] } } });
    const sent = await emu.client.messages.create({ from: sms(), to: CUSTOMER, body: 'Our sale starts today' });
    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    await settle();
    expect(await phone.inbox(CUSTOMER)).toEqual([[sms(), 'Our sale starts today']]);
    expect((await emu.client.messages(sent.sid).fetch()).status).toBe('delivered');
    const [found, ...others] = await v2().conversations.list({ channelId: sent.sid });
    expect(others).toEqual([]);
    expect(found).toMatchObject({ configurationId, status: 'ACTIVE' });
    await phone.send({ from: CUSTOMER, to: sms(), body: 'Count me in' });
    await settle();
    const conversationId = found?.id ?? '';
    expect(await texts(conversationId)).toEqual([
      [sms(), 'Our sale starts today'],
      [CUSTOMER, 'Count me in'],
    ]);
    const [outbound] = await v2().communications(conversationId).list({ channelId: sent.sid });
    expect(outbound?.recipients).toEqual([expect.objectContaining({ address: CUSTOMER, channel: 'SMS', deliveryStatus: 'DELIVERED' })]);
    const participants = await v2().participants(conversationId).list();
    expect(participants.map((p) => [p.type, p.addresses?.map((a) => a.address)])).toEqual([
      ['CUSTOMER', [CUSTOMER]],
      ['AGENT', [sms()]],
    ]);
  });

  it('captures nothing a rule does not match, nothing with media, and only with its own number', async () => {
    await configure({ channelSettings: { SMS: { captureRules: [{ from: OTHER, to: sms() }] } } });
    await phone.send({ from: CUSTOMER, to: sms(), body: 'not matched' });
    const picture = await phone.upload(Buffer.from('gif'), 'image/gif');
    await phone.send({ from: OTHER, to: sms(), body: 'with a picture', mediaUrl: [picture.url] });
    await settle();
    expect(await v2().conversations.list()).toEqual([]);
    await phone.send({ from: OTHER, to: sms(), body: 'text only' });
    await settle();
    const [conversation] = await v2().conversations.list();
    expect(await texts(conversation?.id ?? '')).toEqual([[OTHER, 'text only']]);
  });

  it('captures a Conversations v1 message Twilio sends to an SMS participant', async () => {
    await configure();
    const v1 = emu.client.conversations.v1;
    const conversation = await v1.conversations.create({});
    await v1.conversations(conversation.sid).participants.create({ 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': sms() });
    await v1.conversations(conversation.sid).messages.create({ author: 'agent', body: 'Hello from v1' });
    await settle();
    const [captured] = await v2().conversations.list();
    expect(await texts(captured?.id ?? '')).toEqual([[sms(), 'Hello from v1']]);
  });

  it('groups an SMS and a WhatsApp message of one customer as each grouping type says', async () => {
    const run = async (overrides: ConfigOverrides) => {
      await emu.reset();
      const store = await emu.client.memory.v1.stores.create({ displayName: 'customers' });
      await configure(overrides.conversationGroupingType === 'GROUP_BY_PROFILE' ? { ...overrides, memoryStoreId: store.id } : overrides);
      await phone.send({ from: CUSTOMER, to: sms(), body: 'by sms' });
      await phone.send({ from: `whatsapp:${CUSTOMER}`, to: whatsapp(), body: 'by whatsapp' });
      await settle();
      return { store: store.id ?? '', conversations: await v2().conversations.list() };
    };
    expect((await run({ conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE' })).conversations).toHaveLength(2);
    const byAddress = (await run({ conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES' })).conversations;
    expect(byAddress).toHaveLength(1);
    expect(await texts(byAddress[0]?.id ?? '')).toEqual([
      [CUSTOMER, 'by sms'],
      [`whatsapp:${CUSTOMER}`, 'by whatsapp'],
    ]);
    // By profile: two addresses no profile joins are two customers; a profile naming both is one.
    const separate = await run({ conversationGroupingType: 'GROUP_BY_PROFILE' });
    expect(separate.conversations).toHaveLength(2);
    await emu.reset();
    const memory = emu.client.memory.v1;
    const store = await memory.stores.create({ displayName: 'customers' });
    const profile = await memory.profiles(store.id ?? '').create({ traits: { contact: { name: 'Ada' } } });
    await memory.identifiers(store.id ?? '', profile.id ?? '').create({ idType: 'phone', value: CUSTOMER });
    await memory.identifiers(store.id ?? '', profile.id ?? '').create({ idType: 'whatsapp', value: `whatsapp:${CUSTOMER}` });
    expect((await memory.lookup(store.id ?? '').create({ idType: 'phone', value: CUSTOMER })).profiles).toEqual([profile.id]);
    await configure({ conversationGroupingType: 'GROUP_BY_PROFILE', memoryStoreId: store.id });
    await phone.send({ from: CUSTOMER, to: sms(), body: 'by sms' });
    await phone.send({ from: `whatsapp:${CUSTOMER}`, to: whatsapp(), body: 'by whatsapp' });
    await settle();
    const together = await v2().conversations.list();
    expect(together).toHaveLength(1);
    const [customer] = (await v2().participants(together[0]?.id ?? '').list()).filter((p) => p.type === 'CUSTOMER');
    expect(customer?.profileId).toBe(profile.id);
    expect(customer?.addresses?.map((a) => a.channel)).toEqual(['SMS', 'WHATSAPP']);
  });

  it('goes INACTIVE and CLOSED on the clock with signed status callbacks; a reply reactivates, after CLOSED a new one starts', async () => {
    const url = hooks.url('/v2-status');
    const configurationId = await configure({
      channelSettings: { SMS: { captureRules: [{ from: '*', to: sms() }], statusTimeouts: { inactive: 10, closed: 30 } } },
      statusCallbacks: [{ url, method: 'POST' }],
    });
    await phone.send({ from: CUSTOMER, to: sms(), body: 'hello' });
    await settle();
    const [first] = await v2().conversations.list({ status: ['ACTIVE'] });
    const id = first?.id ?? '';
    const inactive = hooks.next((r) => r.path === '/v2-status' && r.params.Status === 'INACTIVE');
    emu.clock.advance(10 * 60_000);
    const callback = await inactive;
    expect(callback.params).toMatchObject({ ConversationId: id, ConfigurationId: configurationId, Status: 'INACTIVE', PreviousStatus: 'ACTIVE' });
    const signature = String(callback.headers['x-twilio-signature']);
    expect(twilio.validateRequest(emu.credentials.authToken, signature, url, callback.params as Record<string, string>)).toBe(true);
    expect((await v2().conversations(id).fetch()).status).toBe('INACTIVE');
    expect((await v2().conversations.list({ status: ['INACTIVE'] })).map((c) => c.id)).toEqual([id]);
    const reactivated = hooks.next((r) => r.path === '/v2-status' && r.params.Status === 'ACTIVE');
    await phone.send({ from: CUSTOMER, to: sms(), body: 'still there?' });
    await settle();
    expect((await reactivated).params).toMatchObject({ ConversationId: id, PreviousStatus: 'INACTIVE' });
    expect((await v2().conversations(id).fetch()).status).toBe('ACTIVE');
    const closed = hooks.next((r) => r.path === '/v2-status' && r.params.Status === 'CLOSED');
    emu.clock.advance(30 * 60_000);
    expect((await closed).params).toMatchObject({ ConversationId: id, PreviousStatus: 'INACTIVE' });
    expect((await v2().conversations(id).fetch()).status).toBe('CLOSED');
    await phone.send({ from: CUSTOMER, to: sms(), body: 'new topic' });
    await settle();
    const [fresh] = await v2().conversations.list({ status: ['ACTIVE'] });
    expect(fresh?.id).not.toBe(id);
    expect(await texts(fresh?.id ?? '')).toEqual([[CUSTOMER, 'new topic']]);
  });

  it('answers the read and write API: active creation, update, participants, communications, actions, delete', async () => {
    const configurationId = await configure();
    const created = await v2().conversations.create({
      configurationId,
      name: 'VIP',
      participants: [{ type: 'CUSTOMER', name: 'Ada', addresses: [{ channel: 'SMS', address: CUSTOMER }] }],
    } as never);
    expect(created).toMatchObject({ configurationId, name: 'VIP', status: 'ACTIVE' });
    const id = created.id ?? '';
    expect((await v2().conversations(id).patch({ name: 'VIP 2' } as never)).name).toBe('VIP 2');
    const agent = await v2().participants(id).create({ type: 'HUMAN_AGENT', name: 'Bo' } as never);
    expect((await v2().participants(id, agent.id ?? '').fetch()).name).toBe('Bo');
    const note = await v2().communications(id).create({ author: { address: 'agent:bo', channel: 'CHAT' }, content: { type: 'TEXT', text: 'noted' } } as never);
    expect((await v2().communications(id, note.id ?? '').fetch()).content.text).toBe('noted');
    const action = await v2().actions(id).create({ type: 'SEND_MESSAGE', text: 'hi' } as never);
    await emu.orchestrator.idle();
    expect((await v2().actions(id, action.id ?? '').fetch()).status).toBe('COMPLETED');
    expect(await rejection(() => v2().conversations.list({ status: ['OPEN' as never] }))).toMatchObject({ status: 400 });
    const removal = await v2().conversations(id).remove();
    expect(removal.related).toEqual({ conversationId: id });
    await emu.orchestrator.idle();
    expect((await rejection(() => v2().conversations(id).fetch())).status).toBe(404);
  });
});

describe('Conversation Orchestrator persistence', () => {
  it('keeps configurations, conversations and communications across a restart', async () => {
    const temp = tempStatePath();
    try {
      const first = await startTestEmulator({ statePath: temp.file });
      const client = first.client;
      await client.conversations.v2.configurations.create({
        displayName: 'Durable',
        conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
        channelSettings: { SMS: { captureRules: [{ from: '*', to: first.numbers[0] ?? '' }] } },
      } as never);
      await first.orchestrator.idle();
      await fetch(`${first.url}/emulator/v1/Carrier/Messages`, {
        method: 'POST',
        body: new URLSearchParams({ From: CUSTOMER, To: first.numbers[0] ?? '', Body: 'remember me' }),
      });
      await first.orchestrator.idle();
      await first.close();
      const second = await startTestEmulator({ statePath: temp.file, port: 0 });
      const again = createTwilioClient(second.url, second.credentials);
      const [configuration] = await again.conversations.v2.configurations.list();
      expect(configuration?.displayName).toBe('Durable');
      const [conversation] = await again.conversations.v2.conversations.list();
      const communications = await again.conversations.v2.communications(conversation?.id ?? '').list();
      expect(communications.map((c) => c.content.text)).toEqual(['remember me']);
      await second.close();
    } finally {
      temp.cleanup();
    }
  });
});
