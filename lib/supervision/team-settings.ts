import { z } from 'zod';
import { db } from '@/lib/db/client';
import { SUPERVISORS } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import type { ServiceLevelTargets } from './service-levels';

export const ZServiceLevelTargets = z
  .object({
    firstResponseSeconds: z.number().int().min(30, 'At least 30 seconds.').max(86_400, 'At most a day.'),
    replyWaitSeconds: z.number().int().min(30, 'At least 30 seconds.').max(86_400, 'At most a day.'),
  })
  .strict();

export async function readServiceLevelTargets(): Promise<ServiceLevelTargets> {
  const settings = await db.teamSettings.findUnique({ where: { id: 1 } });
  return { firstResponseSeconds: settings?.firstResponseSeconds ?? 300, replyWaitSeconds: settings?.replyWaitSeconds ?? 600 };
}

export async function saveServiceLevelTargets(targets: ServiceLevelTargets, actorId: string): Promise<ServiceLevelTargets> {
  await db.$transaction([
    db.teamSettings.upsert({ where: { id: 1 }, create: { id: 1, ...targets }, update: targets }),
    db.auditEntry.create({ data: { actorId, action: 'settings.service-levels', details: targets } }),
  ]);
  await publishLiveEventAfterWrite({ kind: 'settings.changed', data: {}, audience: SUPERVISORS });
  return targets;
}
