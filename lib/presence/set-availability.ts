import { z } from 'zod';
import { db } from '@/lib/db/client';
import { recordAvailabilityChange } from './available-time';

export const ZAvailability = z.object({ availability: z.enum(['AVAILABLE', 'AWAY'], 'Choose Available or Away.') }).strict();

/** Available / Away from the header; setting it also counts as the browser being there. */
export async function setAvailability(userId: string, availability: 'AVAILABLE' | 'AWAY', now = new Date()) {
  const updated = await db.user.update({ where: { id: userId }, data: { availability, lastSeenAt: now }, select: { availability: true } });
  await recordAvailabilityChange(userId, availability, now);
  return updated;
}
