import { z } from 'zod';
import { db } from '@/lib/db/client';
import { EVERYONE } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { recordAvailabilityChange } from './available-time';

export const ZAvailability = z.object({ availability: z.enum(['AVAILABLE', 'AWAY'], 'Choose Available or Away.') }).strict();

/** Available / Away from the header. Whether the browser is there is its event stream's business. */
export async function setAvailability(userId: string, availability: 'AVAILABLE' | 'AWAY', now = new Date()) {
  const updated = await db.user.update({ where: { id: userId }, data: { availability }, select: { availability: true } });
  await recordAvailabilityChange(userId, availability, now);
  await publishLiveEventAfterWrite({ kind: 'team.changed', data: { userId }, audience: EVERYONE });
  return updated;
}
