import { db } from '@/lib/db/client';
import { SUPERVISORS } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';

/** A supervisor has seen everything listed up to `until`: it no longer needs attention. */
export async function acknowledgeAttention(until = new Date()): Promise<void> {
  await db.$transaction([
    db.deadLetter.updateMany({ where: { resolvedAt: null, acknowledgedAt: null, updatedAt: { lte: until } }, data: { acknowledgedAt: until } }),
    db.reconcilerRepair.updateMany({ where: { acknowledgedAt: null, createdAt: { lte: until } }, data: { acknowledgedAt: until } }),
  ]);
  await publishLiveEventAfterWrite({ kind: 'attention.changed', data: {}, audience: SUPERVISORS });
}
