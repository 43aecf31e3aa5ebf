import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { closeLiveConnection, markOfflineIfGone, openLiveConnection, refreshLiveConnections } from '@/lib/live/live-connections';
import { setAvailability } from '@/lib/presence/set-availability';
import { HEARTBEAT_INTERVAL_MS } from '@/lib/routing/assignment-policy';
import { endSessions } from '@/lib/sessions/end-sessions';
import { SESSION_LIFETIME } from '@/lib/sessions/session-lifetime';
import { startTestDatabase } from '../support/test-database';

// Presence is the event stream: while a browser holds one the user is online, an available
// agent's time available runs, and the sign-in stays alive; when it closes, all of that stops.

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
  await db.user.createMany({
    data: [
      { id: 'ada', email: 'ada@example.com', name: 'Ada', passwordHash: 'x', availability: 'AVAILABLE' },
      { id: 'sam', email: 'sam@example.com', name: 'Sam', passwordHash: 'x', role: 'SUPERVISOR' },
    ],
  });
});
afterAll(async () => database.close());

const start = new Date();
const at = (ms: number) => new Date(start.getTime() + ms);
const periods = (userId: string) => db.availabilityPeriod.findMany({ where: { userId }, orderBy: { startedAt: 'asc' }, select: { startedAt: true, endedAt: true, isOpen: true } });
const session = (id: string, userId: string) =>
  db.session.create({ data: { id, userId, createdAt: start, lastSeenAt: start, expiresAt: new Date(start.getTime() + SESSION_LIFETIME.idleMs) } });

describe('presence from the event stream', () => {
  it('an available agent’s time available runs from the stream opening to its closing', async () => {
    await session('ada-tab', 'ada');
    const opened = await openLiveConnection({ id: 'stream-1', userId: 'ada', available: true, now: at(0) });
    expect(opened.cameOnline).toBe(true);
    expect(await periods('ada')).toEqual([{ startedAt: at(0), endedAt: at(0), isOpen: true }]);

    // The instance holding the stream refreshes it: still online, still available, sign-in renewed.
    const stream = { id: 'stream-1', userId: 'ada', sessionId: 'ada-tab', viewing: null };
    expect(await refreshLiveConnections([stream], at(HEARTBEAT_INTERVAL_MS))).toEqual(new Set());
    expect(await refreshLiveConnections([stream], at(2 * HEARTBEAT_INTERVAL_MS))).toEqual(new Set());
    expect(await periods('ada')).toEqual([{ startedAt: at(0), endedAt: at(2 * HEARTBEAT_INTERVAL_MS), isOpen: true }]);
    const renewed = await db.session.findUniqueOrThrow({ where: { id: 'ada-tab' } });
    expect(renewed.lastSeenAt).toEqual(at(2 * HEARTBEAT_INTERVAL_MS));
    expect(renewed.expiresAt).toEqual(at(2 * HEARTBEAT_INTERVAL_MS + SESSION_LIFETIME.idleMs));

    // The tab closes: offline, and the period ends then, not at the last refresh.
    await closeLiveConnection({ id: 'stream-1', userId: 'ada', name: 'Ada' });
    const closedAt = at(2 * HEARTBEAT_INTERVAL_MS + 4_000);
    expect(await markOfflineIfGone('ada', closedAt)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: 'ada' } })).lastSeenAt).toBeNull();
    expect(await periods('ada')).toEqual([{ startedAt: at(0), endedAt: closedAt, isOpen: false }]);

    // Back later, still Available: a new period; Away closes it.
    await openLiveConnection({ id: 'stream-2', userId: 'ada', available: true, now: at(600_000) });
    await setAvailability('ada', 'AWAY', at(610_000));
    expect((await periods('ada')).at(-1)).toEqual({ startedAt: at(600_000), endedAt: at(610_000), isOpen: false });
  });

  it('a supervisor is online while their stream is open, and accrues no time available', async () => {
    await session('sam-tab', 'sam');
    expect((await openLiveConnection({ id: 'stream-sam', userId: 'sam', available: false, now: at(0) })).cameOnline).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: 'sam' } })).lastSeenAt).toEqual(at(0));
    expect(await periods('sam')).toEqual([]);
  });

  it('a stream whose sign-in ended is closed at the next refresh', async () => {
    await session('sam-other-tab', 'sam');
    await openLiveConnection({ id: 'stream-sam-2', userId: 'sam', available: false, now: at(0) });
    const streams = [
      { id: 'stream-sam', userId: 'sam', sessionId: 'sam-tab', viewing: null },
      { id: 'stream-sam-2', userId: 'sam', sessionId: 'sam-other-tab', viewing: null },
    ];
    await endSessions({ sessionId: 'sam-other-tab' });
    expect(await refreshLiveConnections(streams, at(HEARTBEAT_INTERVAL_MS))).toEqual(new Set(['stream-sam-2']));
  });
});
