import 'server-only';
import { db } from '@/lib/db/client';
import { onlineSince } from '@/lib/routing/assignment-policy';
import { EVERYONE } from './audiences';
import type { LiveViewer } from './live-events';
import { publishLiveEventAfterWrite } from './publish-live-event';

// The database side of presence: one LiveConnection row per open stream, and the user's
// lastSeenAt (what routing reads) set while they have one. Every instance sees every row.

/** A stream opened. Returns whether its user was offline until now. */
export async function openLiveConnection({ id, userId, now = new Date() }: { id: string; userId: string; now?: Date }): Promise<{ cameOnline: boolean }> {
  // One round trip: the row, the user's presence, and whether they were away before.
  const [result] = await db.$queryRaw<{ cameOnline: boolean }[]>`
    WITH previous AS (SELECT "lastSeenAt" FROM "User" WHERE id = ${userId}),
         opened AS (INSERT INTO "LiveConnection" (id, "userId", "seenAt") VALUES (${id}, ${userId}, ${now})),
         seen AS (UPDATE "User" SET "lastSeenAt" = ${now} WHERE id = ${userId})
    SELECT ("lastSeenAt" IS NULL OR "lastSeenAt" < ${onlineSince(now)}) AS "cameOnline" FROM previous`;
  const cameOnline = result?.cameOnline ?? false;
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
  if (gone.length > 0) await publishLiveEventAfterWrite({ kind: 'team.changed', data: { userId }, audience: EVERYONE });
  return gone.length > 0;
}

export type HeldStream = { id: string; userId: string; viewing: string | null };

/**
 * The instance's periodic word that its streams are still open (re-creating a row another
 * instance swept while this one was stalled). Returns the users no longer active, whose
 * streams must close.
 */
export async function refreshLiveConnections(streams: HeldStream[], now = new Date()): Promise<Set<string>> {
  if (streams.length === 0) return new Set();
  const userIds = [...new Set(streams.map((stream) => stream.userId))];
  await db.$executeRaw`
    INSERT INTO "LiveConnection" (id, "userId", "conversationSid", "seenAt")
    SELECT held.id, held."userId", held."conversationSid", ${now}
    FROM unnest(${streams.map((s) => s.id)}::text[], ${streams.map((s) => s.userId)}::text[], ${streams.map((s) => s.viewing)}::text[]) AS held (id, "userId", "conversationSid")
    ON CONFLICT (id) DO UPDATE SET "seenAt" = excluded."seenAt"`;
  const active = await db.$queryRaw<{ id: string }[]>`UPDATE "User" SET "lastSeenAt" = ${now} WHERE id = ANY(${userIds}::text[]) AND active RETURNING id`;
  const stillActive = new Set(active.map((row) => row.id));
  return new Set(userIds.filter((id) => !stillActive.has(id)));
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
