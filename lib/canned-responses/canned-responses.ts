import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import { isNotFound, isUniqueViolation } from '@/lib/db/errors';
import { EVERYONE } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import type { CannedResponseView, TCannedResponse } from './canned-response-schema';

const SELECT = { id: true, shortcut: true, title: true, body: true } as const;

export function listCannedResponses(): Promise<CannedResponseView[]> {
  return db.cannedResponse.findMany({ select: SELECT, orderBy: { shortcut: 'asc' } });
}

export async function saveCannedResponse({ id, input, actorId }: { id?: string; input: TCannedResponse; actorId: string }): Promise<CannedResponseView> {
  let saved: CannedResponseView;
  try {
    saved = id
      ? await db.cannedResponse.update({ where: { id }, data: input, select: SELECT })
      : await db.cannedResponse.create({ data: { ...input, createdById: actorId }, select: SELECT });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `The shortcut /${input.shortcut} is taken.`);
    if (isNotFound(error)) throw new AppError('not_found', 'No such canned response.');
    throw error;
  }
  await announceChange();
  return saved;
}

export async function deleteCannedResponse(id: string): Promise<void> {
  const { count } = await db.cannedResponse.deleteMany({ where: { id } });
  if (count === 0) throw new AppError('not_found', 'No such canned response.');
  await announceChange();
}

/** Every composer's "/" list follows. */
function announceChange(): Promise<void> {
  return publishLiveEventAfterWrite({ kind: 'canned-responses.changed', data: {}, audience: EVERYONE });
}
