import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { db } from '@/lib/db/client';
import { applyAssignment } from '@/lib/routing/apply-assignment';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  await db.user.create({ data: { id: 'ann', email: 'ann@example.com', name: 'Ann', passwordHash: 'x' } });
});
afterAll(async () => Promise.all([emulator.close(), database.close()]));

// Conversations Twilio does not know, so adding the agent fails.
const unknownToTwilio = (digit: string, state: 'ACTIVE' | 'CLOSED') =>
  db.conversationIndex.create({ data: { sid: `CH${digit.repeat(32)}`, state, assigneeId: 'ann' } });

describe('an assignment Twilio refuses', () => {
  it('puts an open conversation back in the queue, but leaves a closed one closed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const open = await unknownToTwilio('a', 'ACTIVE');
    const closed = await unknownToTwilio('b', 'CLOSED');

    expect(await applyAssignment({ kind: 'assigned', conversationSid: open.sid, agentId: 'ann' })).toBe(false);
    expect(await applyAssignment({ kind: 'assigned', conversationSid: closed.sid, agentId: 'ann' })).toBe(false);

    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: open.sid } })).toMatchObject({ assigneeId: null, queuedAt: expect.any(Date) });
    expect(await db.assignment.findFirst({ where: { conversationSid: open.sid } })).toMatchObject({ reason: 'QUEUE', note: 'The agent could not be added to the conversation.' });
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: closed.sid } })).toMatchObject({ state: 'CLOSED', assigneeId: 'ann', queuedAt: null });
    expect(await db.assignment.count({ where: { conversationSid: closed.sid } })).toBe(0);
  });
});

describe('an assignment Twilio makes', () => {
  const BUSINESS_NUMBER = '+15017122661';
  const conversations = () => getTwilioClient().conversations.v1.services(emulator.serviceSid).conversations;
  const owners = async (sid: string) => {
    const service = getTwilioClient().conversations.v1.services(emulator.serviceSid);
    const participants = await service.conversations(sid).participants.list();
    return Promise.all(participants.filter((p) => p.identity).map(async (p) => [p.identity, (await service.roles(p.roleSid).fetch()).friendlyName]));
  };

  it('a 1:1 text the index knows: its first owner joins with the owner role, once however often it is applied', async () => {
    const sms = await conversations().create({});
    await conversations()(sms.sid).participants.create({ 'messagingBinding.address': '+15550006666', 'messagingBinding.proxyAddress': BUSINESS_NUMBER });
    const outcome = { kind: 'assigned', conversationSid: sms.sid, agentId: 'ann', channel: 'SMS' } as const;
    expect(await applyAssignment(outcome)).toBe(true);
    expect(await applyAssignment(outcome)).toBe(true);
    expect(await owners(sms.sid)).toEqual([['ann', 'Switchboard Owner']]);
  });

  it('a group text: the projected address moves to the agent, even when the index has not learnt it is one', async () => {
    const group = await conversations().create({});
    await conversations()(group.sid).participants.create({ identity: 'switchboard-queue', 'messagingBinding.projectedAddress': BUSINESS_NUMBER });
    await conversations()(group.sid).participants.create({ 'messagingBinding.address': '+15550007777' });
    // The message can be indexed before the conversation's binding is: the row then says CHAT.
    expect(await applyAssignment({ kind: 'assigned', conversationSid: group.sid, agentId: 'ann', channel: 'CHAT' })).toBe(true);
    expect(await owners(group.sid)).toEqual([['ann', 'Switchboard Owner']]);
  });
});
