import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { announceContactChange } from './announce-contact';
import { assertCanSeeContact } from './contact-access';
import type { TContactUpdate } from './contact-schemas';

/**
 * Renames a contact or changes their details. The name is copied to the index of every
 * conversation with them, so the list, the console, the queue and reports name them too.
 */
export async function updateContact({ user, contactId, input }: { user: CurrentUser; contactId: string; input: TContactUpdate }): Promise<void> {
  await assertCanSeeContact(user, contactId);
  await db.$transaction(async (tx) => {
    const name = input.name === undefined ? undefined : input.name || null;
    await tx.contact.update({
      where: { id: contactId },
      data: {
        ...(name !== undefined ? { name } : {}),
        ...(input.email !== undefined ? { email: input.email || null } : {}),
        ...(input.attributes !== undefined ? { attributes: input.attributes } : {}),
      },
    });
    if (name !== undefined) await tx.conversationIndex.updateMany({ where: { contactId }, data: { customerName: name } });
    await announceContactChange([contactId], tx);
  });
}

export async function addContactNote({ user, contactId, body }: { user: CurrentUser; contactId: string; body: string }): Promise<void> {
  await assertCanSeeContact(user, contactId);
  await db.$transaction(async (tx) => {
    await tx.contactNote.create({ data: { contactId, authorId: user.id, body } });
    await announceContactChange([contactId], tx);
  });
}
