import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockDurationMs, THROTTLE_POLICY } from '@/lib/auth/login-throttle';
import { hashPassword } from '@/lib/auth/password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { startTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
  const passwordHash = await hashPassword('the-right-password');
  await db.user.createMany({
    data: [
      { email: 'kim@example.com', name: 'Kim', passwordHash },
      { email: 'lee@example.com', name: 'Lee', passwordHash },
      { email: 'off@example.com', name: 'Off', passwordHash, active: false },
    ],
  });
});
afterAll(async () => database.close());
beforeEach(async () => {
  await db.loginThrottle.deleteMany();
});

const start = new Date('2026-11-21T09:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const attempt = (email: string, password: string, now: Date, clientIp = '203.0.113.7') =>
  signInWithPassword({ email, password, clientIp, now });

describe('the login throttle', () => {
  it('lets a correct password in and rejects a wrong one', async () => {
    expect(await attempt('kim@example.com', 'the-right-password', start)).toMatchObject({ ok: true, user: { email: 'kim@example.com' } });
    expect(await attempt('kim@example.com', 'nope', start)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('nobody@example.com', 'nope', start)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account after repeated failures, even for the right password, then releases it', async () => {
    const free = THROTTLE_POLICY.account.failuresBeforeLock - 1;
    for (let i = 0; i < free; i++) expect(await attempt('kim@example.com', `wrong-${i}`, at(i * 1000))).toMatchObject({ reason: 'invalid' });
    // The failure that reaches the limit is counted, then the account locks.
    expect(await attempt('kim@example.com', 'wrong-again', at(free * 1000))).toMatchObject({ reason: 'invalid' });
    const locked = await attempt('kim@example.com', 'the-right-password', at(free * 1000 + 1));
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
    expect(locked.ok === false && locked.reason === 'throttled' && locked.retryAfterSeconds).toBe(THROTTLE_POLICY.firstLockMs / 1000);
    // Another client is locked out of this account too (the lock is per account)…
    expect(await attempt('kim@example.com', 'the-right-password', at(free * 1000 + 2), '198.51.100.1')).toMatchObject({ reason: 'throttled' });
    // …but other accounts from the same client are not.
    expect(await attempt('lee@example.com', 'the-right-password', at(free * 1000 + 3))).toMatchObject({ ok: true });
    // After the lock runs out the right password works again and clears the count.
    expect(await attempt('kim@example.com', 'the-right-password', at(free * 1000 + THROTTLE_POLICY.firstLockMs + 1))).toMatchObject({ ok: true });
    expect(await db.loginThrottle.findUnique({ where: { key: 'account:kim@example.com' } })).toBeNull();
  });

  it('doubles the lock with each further failure, up to the ceiling', () => {
    const limit = THROTTLE_POLICY.account.failuresBeforeLock;
    expect(lockDurationMs('account', limit - 1)).toBe(0);
    expect(lockDurationMs('account', limit)).toBe(THROTTLE_POLICY.firstLockMs);
    expect(lockDurationMs('account', limit + 1)).toBe(2 * THROTTLE_POLICY.firstLockMs);
    expect(lockDurationMs('account', limit + 50)).toBe(THROTTLE_POLICY.maxLockMs);
  });

  it('locks a client that sprays many accounts', async () => {
    const free = THROTTLE_POLICY.client.failuresBeforeLock;
    for (let i = 0; i < free; i++) await attempt(`user${i}@example.com`, 'guess', at(i));
    expect(await attempt('kim@example.com', 'the-right-password', at(free + 1))).toMatchObject({ reason: 'throttled' });
    expect(await attempt('kim@example.com', 'the-right-password', at(free + 2), '198.51.100.9')).toMatchObject({ ok: true });
  });

  it('forgets failures spread further apart than the window', async () => {
    const spacing = THROTTLE_POLICY.windowMs + 1;
    const failures = 3 * THROTTLE_POLICY.account.failuresBeforeLock;
    for (let i = 0; i < failures; i++) await attempt('kim@example.com', 'wrong', at(i * spacing), `192.0.2.${i}`);
    // Right after the last failure: had the failures accumulated, the account would be locked.
    expect(await attempt('kim@example.com', 'the-right-password', at((failures - 1) * spacing + 1))).toMatchObject({ ok: true });
  });

  it('checks at most the limit of 100 parallel wrong passwords, and then refuses the right one', async () => {
    const limit = THROTTLE_POLICY.account.failuresBeforeLock;
    // Each from its own address, so only the per-account lock can stop them.
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt('kim@example.com', `guess-${i}`, start, `198.18.${i >> 8}.${i & 255}`)));
    const checked = burst.filter((result) => !result.ok && result.reason === 'invalid').length;
    expect(checked).toBe(limit);
    expect(burst.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(100 - limit);
    expect(await db.loginThrottle.findUnique({ where: { key: 'account:kim@example.com' }, select: { failures: true } })).toEqual({ failures: limit });
    // The right password, while the lock holds, is refused too.
    expect(await attempt('kim@example.com', 'the-right-password', at(1000), '198.51.100.77')).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('holds under a burst with the right password in the middle of it', async () => {
    const limit = THROTTLE_POLICY.account.failuresBeforeLock;
    const passwords = Array.from({ length: 41 }, (_, i) => (i === 20 ? 'the-right-password' : `guess-${i}`));
    const results = await Promise.all(passwords.map((password, i) => attempt('lee@example.com', password, start, `198.19.0.${i}`)));
    // Twenty guesses arrived before it: the lock engaged after the first `limit` of them.
    expect(results[20]).toMatchObject({ ok: false, reason: 'throttled' });
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(limit);
  });

  it('does not let a disabled user in, and says so only to someone with the password', async () => {
    expect(await attempt('off@example.com', 'the-right-password', start)).toEqual({ ok: false, reason: 'disabled' });
    expect(await attempt('off@example.com', 'wrong', start)).toEqual({ ok: false, reason: 'invalid' });
  });
});
