import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { db } from '@/lib/db/client';
import { applyAssignment } from '@/lib/routing/apply-assignment';
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
