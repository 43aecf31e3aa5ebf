import { isDeepStrictEqual } from 'node:util';
import { linkContact } from '@/lib/contacts/link-contact';
import { indexFieldsOfFacts } from '@/lib/conversations/conversation-descriptor';
import { db } from '@/lib/db/client';
import { conversationAudience } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import type { ConversationState } from '@/lib/db/generated/enums';
import type { Binding } from '@/lib/conversations/messaging-binding';

export type ConversationFacts = {
  sid: string;
  state?: string | null;
  attributes?: string | null;
  binding?: Binding | null;
  createdAt?: Date;
};

// Closing is not recorded here: it frees capacity and writes history (resolveInIndex).
const STATES: Record<string, ConversationState> = { active: 'ACTIVE', inactive: 'INACTIVE' };

/**
 * Creates or refreshes a conversation's index row from what Twilio told us. Webhooks can
 * arrive in any order and more than once, so every write is an upsert of known facts;
 * ownership fields are never touched here. Switchboard's attributes win over bindings.
 */
export async function recordConversation(facts: ConversationFacts): Promise<{ customerName: string | null }> {
  const fields = conversationIndexFields(facts);
  const row = await db.conversationIndex.upsert({
    where: { sid: facts.sid },
    create: { sid: facts.sid, ...fields, ...(facts.createdAt ? { createdAt: facts.createdAt } : {}) },
    update: fields,
    // Scalars only: a nested read would make Prisma upsert by reading first, and two webhooks of one
    // new conversation would then both try to insert it.
    select: { assigneeId: true, queuedAt: true, channel: true, customerAddress: true, customerName: true, contactId: true },
  });
  // A 1:1 customer is a person Switchboard keeps: their contact, found or made now.
  let contact: { name: string | null } | null = null;
  if (row.customerAddress && row.channel !== 'GROUP') {
    const linked = row.contactId ? await db.contact.findUnique({ where: { id: row.contactId }, select: { id: true, name: true } }) : null;
    contact = await linkContact({ conversationSid: facts.sid, address: row.customerAddress, channel: row.channel, name: row.customerName, linked: { customerName: row.customerName, contact: linked } });
  }
  const queued = Boolean(row.queuedAt && !row.assigneeId);
  await publishLiveEventAfterWrite({
    kind: 'conversation.updated',
    data: { conversationSid: facts.sid, change: 'state' in fields ? 'state' : 'details', queued },
    audience: conversationAudience({ conversationSid: facts.sid, queued }),
  });
  return { customerName: contact?.name ?? row.customerName };
}

/**
 * recordConversation, unless the index already holds every fact given — as when a customer's
 * onParticipantAdded repeats the binding its onConversationAdded brought: one read, instead of a
 * write, a contact lookup and an event to every supervisor, for each new conversation.
 */
export async function recordConversationIfChanged(facts: ConversationFacts): Promise<void> {
  const fields: Record<string, unknown> = conversationIndexFields(facts);
  const keys = Object.keys(fields);
  const row: Record<string, unknown> | null = await db.conversationIndex.findUnique({ where: { sid: facts.sid }, select: { sid: true, ...Object.fromEntries(keys.map((key) => [key, true])) } });
  if (row && keys.every((key) => isDeepStrictEqual(row[key], fields[key]))) return;
  await recordConversation(facts);
}

/** The index fields a conversation's facts give (recordConversation's upsert, the reconciler's). */
export function conversationIndexFields(facts: ConversationFacts) {
  return {
    ...(facts.state && STATES[facts.state] ? { state: STATES[facts.state] } : {}),
    ...indexFieldsOfFacts(facts),
  };
}
