import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { ConversationChannel } from '@/lib/db/generated/enums';

/**
 * The contact behind a 1:1 conversation's customer address: found by the address, or created
 * with it (the first message from — or to — someone new), and the conversation linked to it.
 * Webhooks race (onConversationAdded and onParticipantAdded arrive together): the address is
 * unique, so the loser reads the winner's contact. Returns the contact's name, if it has one.
 */
type Link = {
  conversationSid: string;
  address: string;
  channel: ConversationChannel;
  /** The name an agent gave when starting the conversation: a new contact starts with it. */
  name?: string | null;
  /** What the caller just read of the conversation: once it has a contact, nothing is looked up again. */
  linked?: { customerName: string | null; contact: { id: string; name: string | null } | null };
};

export async function linkContact({ conversationSid, address, channel, name = null, linked }: Link): Promise<{ contactId: string; name: string | null }> {
  if (linked?.contact) return keepNameInStep(conversationSid, linked.customerName, linked.contact);
  const found = await findOrCreate({ address, channel, name });
  await db.conversationIndex.updateMany({ where: { sid: conversationSid, contactId: null }, data: { contactId: found.id } });
  // Linked before (and maybe merged since): the conversation's own contact counts.
  const current = await db.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { customerName: true, contact: { select: { id: true, name: true } } } });
  if (!current) return { contactId: found.id, name: found.name };
  return keepNameInStep(conversationSid, current.customerName, current.contact ?? found);
}

/** The contact's name names the conversation wherever the index is read, over a name the attributes still carry. */
async function keepNameInStep(conversationSid: string, customerName: string | null, contact: { id: string; name: string | null }) {
  if (contact.name && customerName !== contact.name) {
    await db.conversationIndex.update({ where: { sid: conversationSid }, data: { customerName: contact.name } });
  }
  return { contactId: contact.id, name: contact.name };
}

async function findOrCreate({ address, channel, name }: Omit<Link, 'conversationSid'>, attempt = 0): Promise<{ id: string; name: string | null }> {
  const existing = await db.contactAddress.findUnique({ where: { address }, select: { contact: { select: { id: true, name: true } } } });
  if (existing) return existing.contact;
  try {
    return await db.contact.create({ data: { name: name || null, addresses: { create: { address, channel } } }, select: { id: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error) && attempt === 0) return findOrCreate({ address, channel, name }, 1);
    throw error;
  }
}
