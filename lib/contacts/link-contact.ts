import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { ConversationChannel } from '@/lib/db/generated/enums';

/**
 * The contact behind a 1:1 conversation's customer address: found by the address, or created
 * with it (the first message from — or to — someone new), and the conversation linked to it.
 * Webhooks race (onConversationAdded and onParticipantAdded arrive together): the address is
 * unique, so the loser reads the winner's contact. Returns the contact's name, if it has one.
 */
export async function linkContact({ conversationSid, address, channel }: { conversationSid: string; address: string; channel: ConversationChannel }): Promise<{ contactId: string; name: string | null }> {
  const contact = await findOrCreate(address, channel);
  await db.conversationIndex.updateMany({
    where: { sid: conversationSid, contactId: null },
    // A named contact names the conversation everywhere the index is read.
    data: { contactId: contact.id, ...(contact.name ? { customerName: contact.name } : {}) },
  });
  return { contactId: contact.id, name: contact.name };
}

async function findOrCreate(address: string, channel: ConversationChannel, attempt = 0): Promise<{ id: string; name: string | null }> {
  const existing = await db.contactAddress.findUnique({ where: { address }, select: { contact: { select: { id: true, name: true } } } });
  if (existing) return existing.contact;
  try {
    return await db.contact.create({ data: { addresses: { create: { address, channel } } }, select: { id: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error) && attempt === 0) return findOrCreate(address, channel, 1);
    throw error;
  }
}
