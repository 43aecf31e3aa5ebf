import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { announceContactChange } from './announce-contact';
import { assertCanSeeContact } from './contact-access';

/**
 * The same person twice (SMS and WhatsApp): the other contact's addresses, conversations and
 * notes move to this one, which takes the other's name when it has none. What moved is
 * recorded, so the merge can be undone exactly.
 */
export async function mergeContacts({ user, targetId, sourceId }: { user: CurrentUser; targetId: string; sourceId: string }): Promise<{ mergeId: string }> {
  if (targetId === sourceId) throw new AppError('invalid_request', 'A contact cannot be merged with itself.');
  await assertCanSeeContact(user, targetId);
  await assertCanSeeContact(user, sourceId);
  return db.$transaction(async (tx) => {
    const [target, source] = await Promise.all([
      tx.contact.findUniqueOrThrow({ where: { id: targetId }, select: { name: true } }),
      tx.contact.findUniqueOrThrow({
        where: { id: sourceId },
        select: { name: true, mergedIntoId: true, addresses: { select: { address: true } }, conversations: { select: { sid: true } }, notes: { select: { id: true } } },
      }),
    ]);
    if (source.mergedIntoId) throw new AppError('conflict', 'That contact was merged meanwhile.');
    const addresses = source.addresses.map((entry) => entry.address);
    const conversationSids = source.conversations.map((conversation) => conversation.sid);
    const noteIds = source.notes.map((note) => note.id);
    const name = target.name ?? source.name;
    await tx.contactAddress.updateMany({ where: { address: { in: addresses } }, data: { contactId: targetId } });
    await tx.conversationIndex.updateMany({ where: { sid: { in: conversationSids } }, data: { contactId: targetId } });
    await tx.contactNote.updateMany({ where: { id: { in: noteIds } }, data: { contactId: targetId } });
    await tx.contact.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    // New addresses may have a Memory profile: an unlinked contact is looked up again on its next read.
    await tx.contact.updateMany({ where: { id: targetId, NOT: { memoryLookup: 'LINKED' } }, data: { memoryCheckedAt: null } });
    if (name !== target.name) await tx.contact.update({ where: { id: targetId }, data: { name } });
    await tx.conversationIndex.updateMany({ where: { contactId: targetId }, data: { customerName: name } });
    const merge = await tx.contactMerge.create({
      data: { sourceId, targetId, addresses, conversationSids, noteIds, targetNameBefore: target.name, actorId: user.id },
      select: { id: true },
    });
    await announceContactChange([targetId, sourceId], tx);
    return { mergeId: merge.id };
  });
}

/** Puts back exactly what a merge moved (once; later changes to the merged contact stay). */
export async function undoMerge({ user, mergeId }: { user: CurrentUser; mergeId: string }): Promise<{ contactId: string }> {
  const merge = await db.contactMerge.findUnique({ where: { id: mergeId } });
  if (!merge) throw new AppError('not_found', 'No such merge.');
  await assertCanSeeContact(user, merge.targetId);
  return db.$transaction(async (tx) => {
    // Claimed under a condition: two undos of one merge cannot both run.
    const { count } = await tx.contactMerge.updateMany({ where: { id: mergeId, undoneAt: null }, data: { undoneAt: new Date() } });
    if (count === 0) throw new AppError('conflict', 'This merge was already undone.');
    const source = await tx.contact.update({ where: { id: merge.sourceId }, data: { mergedIntoId: null }, select: { name: true } });
    await tx.contactAddress.updateMany({ where: { address: { in: merge.addresses } }, data: { contactId: merge.sourceId } });
    await tx.conversationIndex.updateMany({ where: { sid: { in: merge.conversationSids } }, data: { contactId: merge.sourceId, customerName: source.name } });
    await tx.contactNote.updateMany({ where: { id: { in: merge.noteIds } }, data: { contactId: merge.sourceId } });
    const target = await tx.contact.update({ where: { id: merge.targetId }, data: { name: merge.targetNameBefore }, select: { name: true } });
    await tx.conversationIndex.updateMany({ where: { contactId: merge.targetId }, data: { customerName: target.name } });
    await announceContactChange([merge.targetId, merge.sourceId], tx);
    return { contactId: merge.targetId };
  });
}
