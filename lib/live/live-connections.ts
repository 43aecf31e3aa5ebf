import 'server-only';
import { db } from '@/lib/db/client';
import { recordAvailableHeartbeat } from '@/lib/presence/available-time';
import { onlineSince } from '@/lib/routing/assignment-policy';
import { SESSION_LIFETIME } from '@/lib/sessions/session-lifetime';
import { EVERYONE } from './audiences';
import type { LiveViewer } from './live-events';
import { publishLiveEventAfterWrite } from './publish-live-event';

// The database side of presence: one LiveConnection row per open stream, and the user's
// lastSeenAt (what routing reads) set while they have one. Every instance sees every row.

/** A stream opened. Returns whether its user was offline until now. */
export async function openLiveConnection({ id, userId, available, now = new Date() }: { id: string; userId: string; available: boolean; now?: Date }): Promise<{ cameOnline: boolean }> {
  // One round trip: the row, the user's presence, and whether they were away before.
  const [result] = await db.$queryRaw<{ cameOnline: boolean }[]>`
    WITH previous AS (SELECT "lastSeenAt" FROM "User" WHERE id = ${userId}),
         opened AS (INSERT INTO "LiveConnection" (id, "userId", "seenAt") VALUES (${id}, ${userId}, ${now})),
         seen AS (UPDATE "User" SET "lastSeenAt" = ${now} WHERE id = ${userId})
    SELECT ("lastSeenAt" IS NULL OR "lastSeenAt" < ${onlineSince(now)}) AS "cameOnline" FROM previous`;
  const cameOnline = result?.cameOnline ?? false;
  // An agent left Available: their time available runs from now (or goes on after a reload).
  if (available) await recordAvailableHeartbeat(userId, now);
  if (cameOnline) await publishLiveEventAfterWrite({ kind: 'team.changed', data: { userId }, audience: EVERYONE });
  return { cameOnline };
}

/** A stream closed: its tab stops viewing at once. Whether its user went offline is settled later (markOfflineIfGone). */
export async function closeLiveConnection({ id, userId, name }: { id: string; userId: string; name: string }): Promise<void> {
  const [removed] = await db.$queryRaw<{ conversationSid: string | null }[]>`DELETE FROM "LiveConnection" WHERE id = ${id} RETURNING "conversationSid"`;
  if (removed?.conversationSid) await announceViewer({ connectionId: id, userId, name, conversationSid: null });
}

/** Offline now, unless another of their streams (on any instance) is still open. */
export async function markOfflineIfGone(userId: string, now = new Date()): Promise<boolean> {
  const gone = await db.$queryRaw<{ id: string }[]>`
    UPDATE "User" SET "lastSeenAt" = NULL
    WHERE id = ${userId} AND "lastSeenAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "LiveConnection" WHERE "userId" = ${userId} AND "seenAt" >= ${onlineSince(now)})
    RETURNING id`;
  if (gone.length === 0) return false;
  // Their time available ends now, not at the last refresh.
  await db.availabilityPeriod.updateMany({ where: { userId, isOpen: true, endedAt: { gte: onlineSince(now) } }, data: { endedAt: now, isOpen: false } });
  await publishLiveEventAfterWrite({ kind: 'team.changed', data: { userId }, audience: EVERYONE });
  return true;
}

export type HeldStream = { id: string; userId: string; sessionId: string; viewing: string | null };

/**
 * The instance's periodic word that its streams are still open (re-creating a row another
 * instance swept while this one was stalled): their users stay online, an available agent's
 * time available goes on, and their sign-ins stay alive as any request would keep them.
 * Returns the streams that must close: their user was disabled or their session ended.
 */
export async function refreshLiveConnections(streams: HeldStream[], now = new Date()): Promise<Set<string>> {
  if (streams.length === 0) return new Set();
  const userIds = [...new Set(streams.map((stream) => stream.userId))];
  const sessionIds = [...new Set(streams.map((stream) => stream.sessionId))];
  await db.$executeRaw`
    INSERT INTO "LiveConnection" (id, "userId", "conversationSid", "seenAt")
    SELECT held.id, held."userId", held."conversationSid", ${now}
    FROM unnest(${streams.map((s) => s.id)}::text[], ${streams.map((s) => s.userId)}::text[], ${streams.map((s) => s.viewing)}::text[]) AS held (id, "userId", "conversationSid")
    ON CONFLICT (id) DO UPDATE SET "seenAt" = excluded."seenAt"`;
  const active = await db.$queryRaw<{ id: string; availability: string }[]>`
    UPDATE "User" SET "lastSeenAt" = ${now} WHERE id = ANY(${userIds}::text[]) AND active RETURNING id, availability::text`;
  await extendAvailableTime(active.filter((user) => user.availability === 'AVAILABLE').map((user) => user.id), now);
  const live = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Session" SET "lastSeenAt" = ${now},
      "expiresAt" = LEAST("createdAt" + ${`${SESSION_LIFETIME.maxMs} milliseconds`}::interval, ${new Date(now.getTime() + SESSION_LIFETIME.idleMs)})
    WHERE id = ANY(${sessionIds}::text[]) AND "expiresAt" > ${now} RETURNING id`;
  const activeUsers = new Set(active.map((row) => row.id));
  const liveSessions = new Set(live.map((row) => row.id));
  return new Set(streams.filter((stream) => !activeUsers.has(stream.userId) || !liveSessions.has(stream.sessionId)).map((stream) => stream.id));
}

/** One statement for everyone whose period runs on; a period that lapsed (a stalled instance) starts again. */
async function extendAvailableTime(userIds: string[], now: Date): Promise<void> {
  if (userIds.length === 0) return;
  const extended = await db.$queryRaw<{ userId: string }[]>`
    UPDATE "AvailabilityPeriod" SET "endedAt" = ${now}
    WHERE "userId" = ANY(${userIds}::text[]) AND "isOpen" AND "endedAt" >= ${onlineSince(now)} RETURNING "userId"`;
  const running = new Set(extended.map((row) => row.userId));
  for (const userId of userIds) if (!running.has(userId)) await recordAvailableHeartbeat(userId, now);
}

/** Streams of an instance that died: their tabs stop viewing and their users may be offline. */
export async function sweepStaleConnections(now = new Date()): Promise<void> {
  const stale = await db.$queryRaw<{ id: string; userId: string; conversationSid: string | null; name: string }[]>`
    WITH removed AS (DELETE FROM "LiveConnection" WHERE "seenAt" < ${onlineSince(now)} RETURNING id, "userId", "conversationSid")
    SELECT removed.*, "User".name FROM removed JOIN "User" ON "User".id = removed."userId"`;
  for (const row of stale) {
    if (row.conversationSid) await announceViewer({ connectionId: row.id, userId: row.userId, name: row.name, conversationSid: null });
  }
  for (const userId of new Set(stale.map((row) => row.userId))) await markOfflineIfGone(userId, now);
}

/** Every tab showing a conversation now (the stream's first message). */
export async function listLiveViewers(now = new Date()): Promise<LiveViewer[]> {
  const rows = await db.liveConnection.findMany({
    where: { conversationSid: { not: null }, seenAt: { gte: onlineSince(now) } },
    select: { id: true, userId: true, conversationSid: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({ connectionId: row.id, userId: row.userId, name: row.user.name, conversationSid: row.conversationSid! }));
}

export function announceViewer(data: { connectionId: string; userId: string; name: string; conversationSid: string | null }): Promise<void> {
  return publishLiveEventAfterWrite({ kind: 'viewer.changed', data, audience: EVERYONE });
}
