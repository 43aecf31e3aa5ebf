import { beforeAll, describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

const { emu, snapshot } = setupTestEmulator();
let proxy: string;
let whatsappSender: string;
beforeAll(() => {
  proxy = emu.numbers[0] ?? '';
  whatsappSender = emu.numbers.find((n) => n.startsWith('whatsapp:')) ?? '';
});
const newConversation = async () => emu.client.conversations.v1.conversations.create({});
const participantsOf = (sid: string) => emu.client.conversations.v1.conversations(sid).participants;

describe('Participants', () => {
  it('adds chat, SMS and WhatsApp participants with their bindings', async () => {
    const c = await newConversation();
    const chat = await participantsOf(c.sid).create({ identity: 'agent-1', attributes: '{"role":"agent"}' });
    expect(chat.identity).toBe('agent-1');
    expect(chat.messagingBinding).toBeNull();
    expect(chat.roleSid).toMatch(/^RL/);
    const sms = await participantsOf(c.sid).create({ 'messagingBinding.address': '+15558675310', 'messagingBinding.proxyAddress': proxy });
    expect(sms.identity).toBeNull();
    expect(sms.messagingBinding).toEqual({ type: 'sms', address: '+15558675310', proxy_address: proxy });
    expect(sms.roleSid).toBeNull();
    const wa = await participantsOf(c.sid).create({
      'messagingBinding.address': 'whatsapp:+447700900123',
      'messagingBinding.proxyAddress': whatsappSender,
    });
    expect(wa.messagingBinding).toEqual({ type: 'whatsapp', address: 'whatsapp:+447700900123', proxy_address: whatsappSender });
    const listed = await participantsOf(c.sid).list();
    expect(listed.map((p) => p.sid)).toEqual([chat.sid, sms.sid, wa.sid]);
    expect((await participantsOf(c.sid)(sms.sid).fetch()).messagingBinding).toEqual(sms.messagingBinding);
  });

  it('auto-creates a User when an identity first joins', async () => {
    const c = await newConversation();
    await participantsOf(c.sid).create({ identity: 'brand-new-user' });
    const user = await emu.client.conversations.v1.users('brand-new-user').fetch();
    expect(user.identity).toBe('brand-new-user');
    expect(user.sid).toMatch(/^US[0-9a-f]{32}$/);
  });

  it('updates attributes, role and read horizon, and removes a participant', async () => {
    const c = await newConversation();
    const p = await participantsOf(c.sid).create({ identity: 'reader' });
    const roles = await emu.client.conversations.v1.roles.list();
    const admin = roles.find((r) => r.friendlyName === 'Conversation Admin');
    const updated = await participantsOf(c.sid)(p.sid).update({ attributes: '{"x":1}', roleSid: admin?.sid, lastReadMessageIndex: 3 });
    expect(updated.attributes).toBe('{"x":1}');
    expect(updated.roleSid).toBe(admin?.sid);
    expect(updated.lastReadMessageIndex).toBe(3);
    expect(updated.lastReadTimestamp).not.toBeNull();
    await participantsOf(c.sid)(p.sid).remove();
    expect(await participantsOf(c.sid).list()).toEqual([]);
  });

  it('rejects duplicates, pairs in use, foreign proxies and malformed input, changing nothing', async () => {
    const c = await newConversation();
    await participantsOf(c.sid).create({ identity: 'dup' });
    await participantsOf(c.sid).create({ 'messagingBinding.address': '+15550002222', 'messagingBinding.proxyAddress': proxy });
    const other = await newConversation();
    const state = await snapshot();
    const cases: [string, Record<string, string>, number, number][] = [
      [c.sid, { identity: 'dup' }, 409, 50433],
      [c.sid, { 'messagingBinding.address': '+15550002222', 'messagingBinding.proxyAddress': emu.numbers[1] ?? '' }, 409, 50433],
      [other.sid, { 'messagingBinding.address': '+15550002222', 'messagingBinding.proxyAddress': proxy }, 409, 50416],
      [c.sid, { 'messagingBinding.address': '+15550003333', 'messagingBinding.proxyAddress': '+19998887777' }, 400, 50407],
      [c.sid, { 'messagingBinding.address': '555-867-5309', 'messagingBinding.proxyAddress': proxy }, 400, 20001],
      [c.sid, { 'messagingBinding.address': 'whatsapp:+15550004444', 'messagingBinding.proxyAddress': proxy }, 400, 20001],
      [c.sid, { 'messagingBinding.proxyAddress': proxy }, 400, 20001],
      [c.sid, { 'messagingBinding.address': '+15550005555' }, 400, 20001],
      [c.sid, {}, 400, 20001],
      [c.sid, { identity: 'x'.repeat(257) }, 400, 20001],
      [c.sid, { identity: 'attr', attributes: 'nope' }, 400, 20001],
      [c.sid, { identity: 'attr', attributes: JSON.stringify({ a: 'x'.repeat(4096) }) }, 400, 20001],
      [c.sid, { identity: 'role', roleSid: 'RL00000000000000000000000000000000' }, 400, 20001],
      ['CH00000000000000000000000000000000', { identity: 'nobody' }, 404, 20404],
    ];
    for (const [conversationSid, params, status, code] of cases) {
      const error = await rejection(() => participantsOf(conversationSid).create(params));
      expect({ params, ...error }).toMatchObject({ params, status, code });
    }
    expect(await rejection(() => participantsOf(c.sid)('MB00000000000000000000000000000000').fetch())).toMatchObject({ status: 404, code: 20404 });
    expect(await snapshot()).toBe(state);
  });

  it('allows at most 50 non-chat participants in a conversation', async () => {
    const c = await newConversation();
    for (let i = 0; i < 50; i += 1) {
      await emu.core.participants.addParticipant(emu.serviceSid, c.sid, { address: `+1555100${String(i).padStart(4, '0')}`, proxyAddress: proxy }, {
        source: 'api',
        webhookEnabled: false,
      });
    }
    const error = await rejection(() =>
      participantsOf(c.sid).create({ 'messagingBinding.address': '+15552000000', 'messagingBinding.proxyAddress': proxy }),
    );
    expect(error).toMatchObject({ status: 400, code: 50421 });
    // Chat participants are still welcome.
    await participantsOf(c.sid).create({ identity: 'still-room-for-chat' });
  });

  it('allows at most 1,000 participants in a conversation', async () => {
    const c = await newConversation();
    for (let i = 0; i < 1000; i += 1) {
      await emu.core.participants.addParticipant(emu.serviceSid, c.sid, { identity: `crowd-${i}` }, { source: 'api', webhookEnabled: false });
    }
    expect(await rejection(() => participantsOf(c.sid).create({ identity: 'one-too-many' }))).toMatchObject({ status: 400, code: 50420 });
  });

  it('lets an identity be in at most 1,000 open conversations; closed ones do not count', async () => {
    const origin = { source: 'api', webhookEnabled: false } as const;
    let first = '';
    for (let i = 0; i < 1000; i += 1) {
      const conversation = await emu.core.conversations.createConversation(emu.serviceSid, {}, origin);
      if (i === 0) first = conversation.sid;
      await emu.core.participants.addParticipant(emu.serviceSid, conversation.sid, { identity: 'busy-agent' }, origin);
    }
    const c = await newConversation();
    expect(await rejection(() => participantsOf(c.sid).create({ identity: 'busy-agent' }))).toMatchObject({ status: 400, code: 50422 });
    await emu.client.conversations.v1.conversations(first).update({ state: 'closed' });
    await participantsOf(c.sid).create({ identity: 'busy-agent' });
  });

  it('lists the conversations of an identity or an address (ParticipantConversations)', async () => {
    const a = await newConversation();
    const b = await emu.client.conversations.v1.conversations.create({ friendlyName: 'second', uniqueName: 'pc-second' });
    await participantsOf(a.sid).create({ identity: 'pc-user' });
    await participantsOf(b.sid).create({ identity: 'pc-user' });
    await participantsOf(b.sid).create({ 'messagingBinding.address': '+15553334444', 'messagingBinding.proxyAddress': proxy });
    const byIdentity = await emu.client.conversations.v1.participantConversations.list({ identity: 'pc-user' });
    expect(byIdentity.map((x) => x.conversationSid)).toEqual([a.sid, b.sid]);
    expect(byIdentity[1]).toMatchObject({ participantIdentity: 'pc-user', conversationUniqueName: 'pc-second', conversationState: 'active' });
    expect(byIdentity[0]?.participantUserSid).toMatch(/^US/);
    const byAddress = await emu.client.conversations.v1.services(emu.serviceSid).participantConversations.list({ address: '+15553334444' });
    expect(byAddress.map((x) => x.conversationSid)).toEqual([b.sid]);
    expect(byAddress[0]?.participantMessagingBinding).toEqual({ type: 'sms', address: '+15553334444', proxy_address: proxy });
    expect(await rejection(() => emu.client.conversations.v1.participantConversations.list())).toMatchObject({ status: 400, code: 20001 });
  });
});
