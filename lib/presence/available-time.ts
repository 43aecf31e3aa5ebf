import { db } from '@/lib/db/client';
import { onlineSince } from '@/lib/routing/assignment-policy';

// An agent's time available for work, kept as periods: Available opens one, every heartbeat
// while available extends it, Away closes it. A browser that went quiet ends its period at the
// last heartbeat (the agent was offline after that, whatever the switch said).

/** The switch in the header moved. */
export async function recordAvailabilityChange(userId: string, availability: 'AVAILABLE' | 'AWAY', now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    // A period still live (its browser was there a moment ago) runs until now.
    await tx.availabilityPeriod.updateMany({ where: { userId, isOpen: true, endedAt: { gte: onlineSince(now) } }, data: { endedAt: now } });
    await tx.availabilityPeriod.updateMany({ where: { userId, isOpen: true }, data: { isOpen: false } });
    if (availability === 'AVAILABLE') await tx.availabilityPeriod.create({ data: { userId, startedAt: now, endedAt: now } });
  });
}

/** The browser is there: an available agent's current period goes on (or a new one starts after a gap). */
export async function recordAvailableHeartbeat(userId: string, now: Date): Promise<void> {
  const extended = await db.availabilityPeriod.updateMany({ where: { userId, isOpen: true, endedAt: { gte: onlineSince(now) } }, data: { endedAt: now } });
  if (extended.count > 0) return;
  await recordAvailabilityChange(userId, 'AVAILABLE', now);
}
