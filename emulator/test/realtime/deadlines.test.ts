import { describe, expect, it } from 'vitest';
import { DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS, tokenDeadlines } from '../../src/realtime/auth/token-deadlines';
import { createDeadlineScheduler } from '../../src/realtime/deadline-scheduler';
import { createClock } from '../../src/clock';

describe('token deadlines', () => {
  it('warns three minutes before expiry by default', () => {
    const now = 1_000_000;
    const exp = now + 3600_000;
    expect(DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS).toBe(180_000);
    expect(tokenDeadlines(exp, now, DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS)).toEqual({ aboutToExpireAt: exp - 180_000, expiresAt: exp });
  });

  it('clamps the lead for short-lived tokens so the warning comes strictly before expiry', () => {
    const now = 1_000_000;
    const { aboutToExpireAt, expiresAt } = tokenDeadlines(now + 60_000, now, 180_000);
    expect(aboutToExpireAt).toBe(now + 30_000);
    expect(aboutToExpireAt).toBeGreaterThan(now);
    expect(aboutToExpireAt).toBeLessThan(expiresAt);
  });

  it('uses a configured lead when the token lives long enough', () => {
    expect(tokenDeadlines(10_000, 0, 1_000).aboutToExpireAt).toBe(9_000);
  });
});

describe('deadline scheduler', () => {
  it('fires due deadlines in order when the clock is advanced', () => {
    const clock = createClock();
    const scheduler = createDeadlineScheduler(clock);
    const fired: string[] = [];
    const t0 = clock.now();
    scheduler.at(t0 + 3_600_000, () => fired.push('b'));
    scheduler.at(t0 + 60_000, () => fired.push('a'));
    scheduler.at(t0 + 7_200_000, () => fired.push('c'));
    clock.advance(3_700_000);
    expect(fired).toEqual(['a', 'b']);
    expect(scheduler.pending()).toBe(1);
    scheduler.dispose();
  });

  it('never fires a cancelled deadline', () => {
    const clock = createClock();
    const scheduler = createDeadlineScheduler(clock);
    let fired = false;
    const cancel = scheduler.at(clock.now() + 1000, () => {
      fired = true;
    });
    cancel();
    clock.advance(2000);
    expect(fired).toBe(false);
    expect(scheduler.pending()).toBe(0);
    scheduler.dispose();
  });

  it('fires on real time too, without any clock jump', async () => {
    const clock = createClock();
    const scheduler = createDeadlineScheduler(clock);
    const start = Date.now();
    await new Promise<void>((resolve) => scheduler.at(clock.now() + 30, resolve));
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
    scheduler.dispose();
  });

  it('runs a deadline already in the past promptly', async () => {
    const clock = createClock();
    const scheduler = createDeadlineScheduler(clock);
    await new Promise<void>((resolve) => scheduler.at(clock.now() - 1, resolve));
    scheduler.dispose();
  });

  it('keeps working after thousands of cancellations (heap compaction)', () => {
    const clock = createClock();
    const scheduler = createDeadlineScheduler(clock);
    const t0 = clock.now();
    const fired: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const cancel = scheduler.at(t0 + 1000 + i, () => fired.push(i));
      if (i % 10 !== 0) cancel();
    }
    expect(scheduler.pending()).toBe(500);
    clock.advance(10_000);
    expect(fired).toHaveLength(500);
    expect(fired).toEqual([...fired].sort((a, b) => a - b));
    scheduler.dispose();
  });
});
