import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { routeConversation } from '@/lib/routing/route-conversation';
import { startTestPostgres } from '../support/test-database';

describe('routing decisions on one app instance', () => {
  let database: Awaited<ReturnType<typeof startTestPostgres>>;
  beforeAll(async () => {
    database = await startTestPostgres();
  });
  afterAll(async () => database.close());

  it('wait their turn without holding connections: one session at a time holds or waits for the routing lock', async () => {
    const now = new Date();
    const ada = await db.user.create({ data: { email: 'ada@example.com', name: 'Ada', passwordHash: 'x', role: 'AGENT', availability: 'AVAILABLE', lastSeenAt: now, capacity: 100 } });
    const sids = Array.from({ length: 40 }, (_, i) => `CH${i.toString(16).padStart(32, '0')}`);
    await db.conversationIndex.createMany({ data: sids.map((sid, i) => ({ sid, channel: 'SMS', customerAddress: `+1555000${String(i).padStart(4, '0')}`, twilioNumber: '+15017122661', firstInboundAt: now })) });
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    let most = 0;
    let routing = true;
    // Sessions holding or waiting for an advisory lock, sampled while the burst is decided.
    const sample = async () => {
      while (routing) {
        const { rows } = await watcher.query<{ sessions: number }>(`SELECT count(DISTINCT pid)::int AS sessions FROM pg_locks WHERE locktype = 'advisory'`);
        most = Math.max(most, rows[0]!.sessions);
      }
    };
    const sampling = sample();
    try {
      const outcomes = await Promise.all(sids.map((sid) => routeConversation(sid, now)));
      expect(outcomes.every((outcome) => outcome.kind === 'assigned')).toBe(true);
    } finally {
      routing = false;
      await sampling;
      await watcher.end();
    }
    expect(most).toBe(1);
    // Decided in batches: far fewer transactions wrote the history than conversations arrived.
    const [written] = await db.$queryRaw<{ transactions: number }[]>`SELECT count(DISTINCT xmin::text)::int AS transactions FROM "Assignment"`;
    expect(written?.transactions).toBeLessThan(sids.length / 4);
    // Written as they were decided: at the time given, to Ada, whose last assignment it is.
    const history = await db.assignment.findMany();
    expect(history.map((entry) => [entry.toUserId, entry.reason, entry.createdAt.getTime()])).toEqual(sids.map(() => [ada.id, 'AUTO', now.getTime()]));
    expect((await db.user.findUnique({ where: { id: ada.id } }))?.lastAssignedAt?.getTime()).toBe(now.getTime());
  });
});
