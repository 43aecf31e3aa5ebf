import type { Emulator } from 'conversations-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { checkSession } from '@/lib/sessions/check-session';
import { endSessions } from '@/lib/sessions/end-sessions';
import { SESSION_LIFETIME } from '@/lib/sessions/session-lifetime';
import { startSession } from '@/lib/sessions/start-session';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';
import { updateUser } from '@/lib/users/update-user';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

// Disabling someone also cuts them off in Twilio, so the emulator runs too.
let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  await db.user.createMany({
    data: [
      { id: 'admin', email: 'admin@example.com', name: 'Admin', passwordHash: 'x', role: 'ADMIN' },
      { id: 'kim', email: 'kim@example.com', name: 'Kim', passwordHash: 'x' },
    ],
  });
});
afterAll(async () => {
  await database.close();
  await emulator.close();
});
beforeEach(async () => {
  await db.session.deleteMany();
});

const start = new Date('2026-11-21T09:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const status = async (sessionId: string, now = new Date()) => (await checkSession(sessionId, now)).status;

describe('sessions', () => {
  it('live until signed out: the ended session is refused, others of the user stay', async () => {
    const here = await startSession('kim');
    const there = await startSession('kim');
    expect(await checkSession(here)).toMatchObject({ status: 'active', user: { id: 'kim', role: 'AGENT' } });
    await endSessions({ sessionId: here });
    expect(await status(here)).toBe('ended');
    expect(await status(there)).toBe('active');
  });

  it('expire when idle, slide while used, and end at the maximum however busy', async () => {
    const idle = await startSession('kim', start);
    expect(await status(idle, at(SESSION_LIFETIME.idleMs - 1))).toBe('active');
    const unused = await startSession('kim', start);
    expect(await status(unused, at(SESSION_LIFETIME.idleMs))).toBe('ended');

    const busy = await startSession('kim', start);
    const step = SESSION_LIFETIME.idleMs / 2;
    let now = 0;
    while (now + step < SESSION_LIFETIME.maxMs) {
      now += step;
      expect(await status(busy, at(now))).toBe('active');
    }
    expect(await status(busy, at(SESSION_LIFETIME.maxMs))).toBe('ended');
  });

  it('all end with sign out everywhere', async () => {
    const sessions = [await startSession('kim'), await startSession('kim')];
    const admins = await startSession('admin');
    expect(await signOutEverywhere('kim')).toBe(2);
    for (const session of sessions) expect(await status(session)).toBe('ended');
    expect(await status(admins)).toBe('active');
    await expect(signOutEverywhere('nobody')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('all end with a password reset, except the resetting admin’s own', async () => {
    const kims = await startSession('kim');
    await resetUserPassword({ userId: 'kim', password: 'a brand new passphrase' });
    expect(await status(kims)).toBe('ended');

    const adminHere = await startSession('admin');
    const adminElsewhere = await startSession('admin');
    await resetUserPassword({ userId: 'admin', password: 'another new passphrase', keepSessionId: adminHere });
    expect(await status(adminHere)).toBe('active');
    expect(await status(adminElsewhere)).toBe('ended');
  });

  it('refuse an easy password with the reason, and change nothing', async () => {
    const kims = await startSession('kim');
    await expect(resetUserPassword({ userId: 'kim', password: 'aaaaaaaaaa' })).rejects.toMatchObject({ issues: [{ path: ['password'] }] });
    expect(await status(kims)).toBe('active');
  });

  it('all end with a role change or when the user is disabled, not with other edits', async () => {
    let kims = await startSession('kim');
    await updateUser({ actorId: 'admin', userId: 'kim', update: { capacity: 7 } });
    expect(await status(kims)).toBe('active');
    await updateUser({ actorId: 'admin', userId: 'kim', update: { role: 'SUPERVISOR' } });
    expect(await status(kims)).toBe('ended');

    kims = await startSession('kim');
    await updateUser({ actorId: 'admin', userId: 'kim', update: { active: false } });
    expect(await status(kims)).toBe('ended');
  });
});
