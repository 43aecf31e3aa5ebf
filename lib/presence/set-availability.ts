import { z } from 'zod';
import { db } from '@/lib/db/client';

export const ZAvailability = z.object({ availability: z.enum(['AVAILABLE', 'AWAY'], 'Choose Available or Away.') }).strict();

/** Available / Away from the header; setting it also counts as the browser being there. */
export async function setAvailability(userId: string, availability: 'AVAILABLE' | 'AWAY', now = new Date()) {
  return db.user.update({ where: { id: userId }, data: { availability, lastSeenAt: now }, select: { availability: true } });
}
