import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import type { CurrentUser } from '@/lib/auth/current-user';
import { canWriteConversation } from '@/lib/conversations/conversation-access';
import { startConversation } from '@/lib/conversations/start-conversation';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';
import { db } from '@/lib/db/client';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { updateUser } from '@/lib/users/update-user';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
const person = (id: string, role: CurrentUser['role'] = 'AGENT'): CurrentUser => ({ id, email: `${id}@example.com`, name: id, role, active: true, availability: 'AWAY', capacity: 5 });

beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  await db.user.createMany({
    data: [
      { id: 'admin', email: 'admin@example.com', name: 'Admin', passwordHash: 'x', role: 'ADMIN' },
      { id: 'ann', email: 'ann@example.com', name: 'Ann', passwordHash: 'x' },
      { id: 'bo', email: 'bo@example.com', name: 'Bo', passwordHash: 'x' },
    ],
  });
});
afterAll(async () => Promise.all([emulator.close(), database.close()]));

const start = (agentId: string, customerNumber: string) =>
  startConversation({ agentId, input: ZStartConversation.parse({ channel: 'sms', customerNumber, from: '+15017122661' }) });
const participants = async (sid: string) => (await getTwilioClient().conversations.v1.conversations(sid).participants.list()).map((p) => p.identity).filter(Boolean);

describe('team members in Twilio', () => {
  it('keeps the Twilio user’s friendly name in step when an admin renames someone', async () => {
    await updateUser({ actorId: 'admin', userId: 'bo', update: { name: 'Bo Renamed' } });
    const service = getTwilioClient().conversations.v1.services(emulator.serviceSid);
    expect((await service.users('bo').fetch()).friendlyName).toBe('Bo Renamed');
    await updateUser({ actorId: 'admin', userId: 'bo', update: { name: 'Bo' } });
    expect((await service.users('bo').fetch()).friendlyName).toBe('Bo');
  });
});

describe('ownership', () => {
  it('removes a conversation it could not record as the agent’s, so no one else is routed its replies', async () => {
    await expect(start('nobody-in-the-database', '+15550003333')).rejects.toThrow();
    const left = await getTwilioClient().conversations.v1.participantConversations.list({ address: '+15550003333' });
    expect(left).toEqual([]);
  });

  it('cuts a disabled agent off at once: conversations back in the queue, out of every conversation, no write role left', async () => {
    const { conversationSid } = await start('ann', '+15550004444');
    const service = getTwilioClient().conversations.v1.services(emulator.serviceSid);
    const roleName = async (sid: string) => (await service.roles(sid).fetch()).friendlyName;
    const annAsParticipant = (await service.conversations(conversationSid).participants.list()).find((p) => p.identity === 'ann')!;
    expect(await roleName(annAsParticipant.roleSid)).toBe('Switchboard Owner');
    // Also in a conversation Switchboard does not index (made elsewhere): it is left too.
    const elsewhere = await service.conversations.create({ friendlyName: 'made elsewhere' });
    await service.conversations(elsewhere.sid).participants.create({ identity: 'ann' });

    await updateUser({ actorId: 'admin', userId: 'ann', update: { active: false } });
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: conversationSid } })).toMatchObject({ assigneeId: null, queuedAt: expect.any(Date) });
    expect(await participants(conversationSid)).not.toContain('ann');
    expect(await participants(elsewhere.sid)).not.toContain('ann');
    expect(await roleName((await service.users('ann').fetch()).roleSid)).toBe('Switchboard Disabled');

    await updateUser({ actorId: 'admin', userId: 'ann', update: { active: true } });
    expect(await roleName((await service.users('ann').fetch()).roleSid)).toBe('Switchboard Staff');
  });

  it('lets the assignee and supervisors write; falls back to membership for conversations made elsewhere', async () => {
    const { conversationSid } = await start('bo', '+15550005555');
    expect(await canWriteConversation(person('bo'), conversationSid)).toBe(true);
    expect(await canWriteConversation(person('ann'), conversationSid)).toBe(false);
    expect(await canWriteConversation(person('sam', 'SUPERVISOR'), conversationSid)).toBe(true);

    const elsewhere = await getTwilioClient().conversations.v1.conversations.create({ friendlyName: 'made elsewhere' });
    await getTwilioClient().conversations.v1.conversations(elsewhere.sid).participants.create({ identity: 'ann' });
    // An index row with neither owner nor queue place (e.g. from onConversationAdded) changes nothing.
    await db.conversationIndex.create({ data: { sid: elsewhere.sid } });
    expect(await canWriteConversation(person('ann'), elsewhere.sid)).toBe(true);
    expect(await canWriteConversation(person('bo'), elsewhere.sid)).toBe(false);
    await expect(canWriteConversation(person('sam', 'SUPERVISOR'), `CH${'9'.repeat(32)}`)).rejects.toThrow('No such conversation.');
  });
});
