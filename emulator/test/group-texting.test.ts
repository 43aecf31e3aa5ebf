import { describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

/**
 * Twilio's Group Texting in Conversations guide: both walkthroughs, the projected-address transfer
 * between agents, standalone projected addresses and the group-MMS rules.
 */
const [first, second] = ['+15017122661', '+15017122662'];
const { emu, conversations, snapshot } = setupTestEmulator({
  numbers: [first, second, '+15017122663', '+447700900000', 'whatsapp:+14155238886'],
});

describe('Group texting (Twilio’s guide)', () => {
  it('scenario 1: one chat participant with a projected address and two SMS participants', async () => {
    const conversation = await conversations().create({ friendlyName: 'Home-buying journey' });
    const c = conversations()(conversation.sid);
    const agent = await c.participants.create({ identity: 'realEstateAgent', 'messagingBinding.projectedAddress': first });
    expect(agent.messagingBinding).toEqual({ type: 'sms', projected_address: first });
    expect(agent.roleSid).toMatch(/^RL/);
    const buyer1 = await c.participants.create({ 'messagingBinding.address': '+15558675310' });
    expect(buyer1.messagingBinding).toEqual({ type: 'sms', address: '+15558675310' });
    expect(buyer1.identity).toBeNull();
    const m1 = await c.messages.create({ author: 'realEstateAgent', body: 'Hi there. What did you think of the listing I sent?' });
    expect(m1.participantSid).toBe(agent.sid);
    expect(m1.delivery).toMatchObject({ total: 1 });
    await c.participants.create({ 'messagingBinding.address': '+15558675311' });
    const m2 = await c.messages.create({ author: 'realEstateAgent', body: 'Glad you could join us, homebuyer 2.' });
    expect(m2.index).toBe(1);
    expect(m2.delivery).toMatchObject({ total: 2, sent: 'none' });
    expect((await c.participants.list()).length).toBe(3);
    await c.remove();
  });

  it('scenario 2: two chat participants with their own projected addresses and one SMS participant', async () => {
    const conversation = await conversations().create({ friendlyName: 'Your Wealth Management Options' });
    const c = conversations()(conversation.sid);
    const advisor = await c.participants.create({ identity: 'YourFinancialAdvisor', 'messagingBinding.projectedAddress': first });
    await c.participants.create({ 'messagingBinding.address': '+15558675312' });
    const m = await c.messages.create({ author: 'YourFinancialAdvisor', body: 'Hello, what questions did you have about your portfolio?' });
    expect(m.participantSid).toBe(advisor.sid);
    const assistant = await c.participants.create({ identity: 'theAssistant', 'messagingBinding.projectedAddress': second });
    const m2 = await c.messages.create({ author: 'theAssistant', body: "I've just emailed you some documents." });
    expect(m2.participantSid).toBe(assistant.sid);
    // Two participants cannot share one projected address.
    const state = await snapshot();
    expect(await rejection(() => c.participants.create({ identity: 'third', 'messagingBinding.projectedAddress': first }))).toMatchObject({
      status: 409,
      code: 50425,
    });
    expect(await snapshot()).toBe(state);
  });

  it('transfers a shared projected address from an agent to a supervisor by updating its identity', async () => {
    const conversation = await conversations().create({ friendlyName: 'Support group text' });
    const c = conversations()(conversation.sid);
    // A standalone projected address: the business number, no chat identity behind it yet.
    const gateway = await c.participants.create({ 'messagingBinding.projectedAddress': first });
    expect(gateway.identity).toBeNull();
    await c.participants.create({ 'messagingBinding.address': '+15558675313' });
    // Standalone: the REST API speaks for it with the projected address as author.
    const viaGateway = await c.messages.create({ author: first, body: 'Thanks for reaching out!' });
    expect(viaGateway.participantSid).toBe(gateway.sid);

    const agent = await c.participants(gateway.sid).update({ identity: 'agent-ann' });
    expect(agent.identity).toBe('agent-ann');
    expect(agent.messagingBinding).toEqual({ type: 'sms', projected_address: first });
    expect((await emu.client.conversations.v1.users('agent-ann').userConversations.list()).map((u) => u.conversationSid)).toContain(
      conversation.sid,
    );

    const supervisor = await c.participants(gateway.sid).update({ identity: 'supervisor-sam' });
    expect(supervisor.sid).toBe(gateway.sid);
    expect(supervisor.messagingBinding).toEqual({ type: 'sms', projected_address: first });
    const annConversations = await emu.client.conversations.v1.users('agent-ann').userConversations.list();
    expect(annConversations.map((u) => u.conversationSid)).not.toContain(conversation.sid);
    const samConversations = await emu.client.conversations.v1.users('supervisor-sam').userConversations.list();
    expect(samConversations.map((u) => u.conversationSid)).toContain(conversation.sid);
    const reply = await c.messages.create({ author: 'supervisor-sam', body: 'Supervisor here.' });
    expect(reply.participantSid).toBe(gateway.sid);

    // Only a projected-address participant can change identity.
    const chat = await c.participants.create({ identity: 'plain-chat', 'messagingBinding.projectedAddress': second });
    const other = await conversations().create({});
    const plain = await conversations()(other.sid).participants.create({ identity: 'fixed' });
    expect(await rejection(() => conversations()(other.sid).participants(plain.sid).update({ identity: 'someone-else' }))).toMatchObject({
      status: 400,
      code: 20001,
    });
    // Nor can it take an identity that is already in the conversation.
    expect(await rejection(() => c.participants(chat.sid).update({ identity: 'supervisor-sam' }))).toMatchObject({ status: 409, code: 50433 });
  });

  it('enforces group MMS rules: +1 numbers, 10 participants, SMS only, no proxies, owned projected addresses', async () => {
    const conversation = await conversations().create({});
    const c = conversations()(conversation.sid);
    await c.participants.create({ identity: 'lead', 'messagingBinding.projectedAddress': first });
    const state = await snapshot();
    const cases: [Record<string, string>, number, number][] = [
      [{ 'messagingBinding.address': '+447700900123' }, 400, 50434],
      [{ identity: 'uk', 'messagingBinding.projectedAddress': '+447700900000' }, 400, 50434],
      [{ 'messagingBinding.address': '+15550009999', 'messagingBinding.proxyAddress': second }, 400, 50436],
      [{ identity: 'stranger', 'messagingBinding.projectedAddress': '+15017129999' }, 400, 50437],
      [{ identity: 'wa', 'messagingBinding.projectedAddress': 'whatsapp:+14155238886' }, 400, 50438],
      [{ 'messagingBinding.address': 'whatsapp:+15550001234' }, 400, 50438],
    ];
    for (const [params, status, code] of cases) {
      const error = await rejection(() => c.participants.create(params));
      expect({ params, ...error }).toMatchObject({ params, status, code });
    }
    expect(await snapshot()).toBe(state);

    for (let i = 0; i < 9; i += 1) await c.participants.create({ 'messagingBinding.address': `+1555444${String(i).padStart(4, '0')}` });
    expect(await rejection(() => c.participants.create({ 'messagingBinding.address': '+15554449999' }))).toMatchObject({
      status: 400,
      code: 50435,
    });

    // A proxy-address conversation cannot turn into a group.
    const oneToOne = await conversations().create({});
    await conversations()(oneToOne.sid).participants.create({ 'messagingBinding.address': '+15557770000', 'messagingBinding.proxyAddress': second });
    expect(
      await rejection(() =>
        conversations()(oneToOne.sid).participants.create({ identity: 'agent', 'messagingBinding.projectedAddress': first }),
      ),
    ).toMatchObject({ status: 400, code: 50436 });
  });

  it('creates a group MMS conversation with its participants in one call (ConversationWithParticipants)', async () => {
    const created = await emu.client.conversations.v1.conversationWithParticipants.create({
      friendlyName: 'Friendly Conversation',
      participant: [
        '{"messaging_binding": {"address": "+15558881111"}}',
        '{"messaging_binding": {"address": "+15558882222"}}',
        `{"messaging_binding": {"projected_address": "${first}"}}`,
      ],
    });
    expect(created.sid).toMatch(/^CH/);
    expect(created.state).toBe('initializing');
    const ready = await conversations()(created.sid).fetch();
    expect(ready.state).toBe('active');
    const participants = await conversations()(created.sid).participants.list();
    expect(participants.map((p) => p.messagingBinding)).toEqual([
      { type: 'sms', address: '+15558881111' },
      { type: 'sms', address: '+15558882222' },
      { type: 'sms', projected_address: first },
    ]);
  });

  it('validates every participant of ConversationWithParticipants before creating anything', async () => {
    const state = await snapshot();
    const cases: [string[], number, number][] = [
      [['{"identity": "ok"}', '{"identity": "ok"}'], 409, 50433],
      [['{"identity": "ok"}', 'not json'], 400, 20001],
      [['{"messaging_binding": {"address": "+15558883333", "proxy_address": "+19990001111"}}'], 400, 50407],
      [Array.from({ length: 11 }, (_, i) => `{"identity": "p${i}"}`), 400, 20001],
    ];
    for (const [participant, status, code] of cases) {
      const error = await rejection(() =>
        emu.client.conversations.v1.services(emu.serviceSid).conversationWithParticipants.create({ friendlyName: 'x', participant }),
      );
      expect(error).toMatchObject({ status, code });
    }
    expect(await snapshot()).toBe(state);
  });
});
