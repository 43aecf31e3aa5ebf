import { db } from '@/lib/db/client';
import { announceContactChange } from './announce-contact';

/**
 * Gives the contact behind a conversation a name someone on the team already wrote down (a
 * broadcast's list), unless the contact has one: a name an agent chose is never overwritten.
 */
export async function nameUnnamedContact(conversationSid: string, name: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const indexed = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { contactId: true } });
    if (!indexed?.contactId) return;
    const { count } = await tx.contact.updateMany({ where: { id: indexed.contactId, name: null }, data: { name } });
    if (count === 0) return;
    await tx.conversationIndex.updateMany({ where: { contactId: indexed.contactId }, data: { customerName: name } });
    await announceContactChange([indexed.contactId], tx);
  });
}
