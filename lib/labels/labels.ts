import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import { isNotFound, isUniqueViolation } from '@/lib/db/errors';
import { EVERYONE } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { labelColor, type LabelView, type TLabel } from './label-schema';

const SELECT = { id: true, name: true, color: true } as const;

// The team's labels: everyone reads them, supervisors manage them (the routes check the role).

export async function listLabels(): Promise<LabelView[]> {
  const labels = await db.label.findMany({ select: SELECT, orderBy: { name: 'asc' } });
  return labels.map((label) => ({ ...label, color: labelColor(label.color) }));
}

export async function saveLabel({ id, input }: { id?: string; input: TLabel }): Promise<LabelView> {
  let saved;
  try {
    saved = id ? await db.label.update({ where: { id }, data: input, select: SELECT }) : await db.label.create({ data: input, select: SELECT });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `There is already a label called “${input.name}”.`);
    if (isNotFound(error)) throw new AppError('not_found', 'No such label.');
    throw error;
  }
  await announceChange();
  return { ...saved, color: labelColor(saved.color) };
}

/** Removes the label from every conversation too (the rows cascade). */
export async function deleteLabel(id: string): Promise<void> {
  const { count } = await db.label.deleteMany({ where: { id } });
  if (count === 0) throw new AppError('not_found', 'No such label.');
  await announceChange();
}

/** Every list, chip and filter follows. */
function announceChange(): Promise<void> {
  return publishLiveEventAfterWrite({ kind: 'labels.changed', data: {}, audience: EVERYONE });
}
