import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
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
  const made = await findOrCreateAndLink({ conversationSid, address, channel, name });
  if (made) return made;
  // Another webhook made the address's contact while this statement ran: read it, then link.
  const winner = await db.contactAddress.findUniqueOrThrow({ where: { address }, select: { contact: { select: { id: true, name: true } } } });
  return (await linkAndName(conversationSid, winner.contact.id)) ?? { contactId: winner.contact.id, name: winner.contact.name };
}

/** The contact's name names the conversation wherever the index is read, over a name the attributes still carry. */
async function keepNameInStep(conversationSid: string, customerName: string | null, contact: { id: string; name: string | null }) {
  if (contact.name && customerName !== contact.name) await linkAndName(conversationSid, contact.id);
  return { contactId: contact.id, name: contact.name };
}

/** Links the conversation to its contact (unless it has one) and names it after that contact, in one statement. */
async function linkAndName(conversationSid: string, contactId: string): Promise<{ contactId: string; name: string | null } | undefined> {
  const [linked] = await db.$queryRaw<{ contactId: string; name: string | null }[]>(linkToContact(conversationSid, Prisma.sql`${contactId}`));
  return linked;
}

/**
 * The statement that links a conversation to a contact and names it after that contact: the
 * conversation's own, when it has one (linked before, and maybe merged since), counts over
 * `contactId`. `contacts` is where both are looked up: the table, or — in a statement that has just
 * made a contact, which the table does not show it yet — that contact and the conversation's own
 * (just those two, so the lookup stays an index's).
 */
function linkToContact(conversationSid: string, contactId: Prisma.Sql, contacts = Prisma.sql`"Contact"`): Prisma.Sql {
  return Prisma.sql`
    UPDATE "ConversationIndex" AS conversation
    SET "contactId" = contact.id, "customerName" = COALESCE(contact.name, conversation."customerName"), "updatedAt" = now()
    FROM ${contacts} AS contact
    WHERE conversation.sid = ${conversationSid} AND contact.id = COALESCE(conversation."contactId", ${contactId})
    RETURNING contact.id AS "contactId", contact.name`;
}

/**
 * The address's contact, or a new one with it, and the conversation linked to it (or kept with
 * its own) and named after it — one statement for the first text of someone new, which every new
 * conversation is; a conversation not indexed yet gets the contact found. The address is written
 * first, so when two webhooks race the loser's `ON CONFLICT` makes no contact at all (nothing to
 * roll back, no failed statement); it cannot see the winner's contact in this statement's
 * snapshot, and gets nothing back.
 */
async function findOrCreateAndLink({ conversationSid, address, channel, name }: Link): Promise<{ contactId: string; name: string | null } | undefined> {
  const [contact] = await db.$queryRaw<{ contactId: string; name: string | null }[]>`
    WITH addressed AS (
      INSERT INTO "ContactAddress" (address, channel, "contactId")
      VALUES (${address}, ${channel}::"ConversationChannel", ${randomUUID()})
      ON CONFLICT (address) DO NOTHING
      RETURNING "contactId"
    ), made AS (
      INSERT INTO "Contact" (id, name, "updatedAt")
      SELECT "contactId", ${name || null}, now() FROM addressed
      RETURNING id, name
    ), found AS (
      SELECT id, name FROM made
      UNION ALL
      SELECT contact.id, contact.name FROM "ContactAddress" AS known JOIN "Contact" AS contact ON contact.id = known."contactId" WHERE known.address = ${address}
    ), linked AS (
      ${linkToContact(conversationSid, Prisma.sql`(SELECT id FROM found)`, Prisma.sql`(
        SELECT id, name FROM found
        UNION ALL
        SELECT id, name FROM "Contact" WHERE id = (SELECT "contactId" FROM "ConversationIndex" WHERE sid = ${conversationSid})
      )`)}
    )
    SELECT "contactId", name FROM linked
    UNION ALL
    SELECT id, name FROM found WHERE NOT EXISTS (SELECT FROM linked)`;
  return contact;
}
