import { parseAttributes, readSwitchboardAttributes, type TSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { db } from '@/lib/db/client';
import type { ConversationState } from '@/lib/db/generated/enums';
import type { Binding } from '@/lib/conversations/messaging-binding';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { attributesFromBinding } from './binding-attributes';
import { indexChannel } from './channel';

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
export async function recordConversation(facts: ConversationFacts): Promise<void> {
  const fields = conversationIndexFields(facts);
  await db.conversationIndex.upsert({
    where: { sid: facts.sid },
    create: { sid: facts.sid, ...fields, ...(facts.createdAt ? { createdAt: facts.createdAt } : {}) },
    update: fields,
  });
}

/** The index fields a conversation's facts give (recordConversation's upsert, the reconciler's). */
export function conversationIndexFields(facts: ConversationFacts) {
  const switchboard = readSwitchboardAttributes(parseAttributes(facts.attributes));
  return {
    ...(facts.state && STATES[facts.state] ? { state: STATES[facts.state] } : {}),
    ...(switchboard ? fieldsFromAttributes(switchboard) : facts.binding ? fieldsFromBinding(facts.binding) : {}),
  };
}

// Attributes and bindings come from Twilio, written by anyone with access to the account: their
// text is stored without control characters (JSON may carry a NUL as "\u0000").
function fieldsFromAttributes(switchboard: TSwitchboardAttributes) {
  const clean = stripControlCharacters;
  return {
    channel: indexChannel(switchboard.channel),
    ...(switchboard.customer?.address ? { customerAddress: clean(switchboard.customer.address) } : {}),
    ...(switchboard.customer?.name ? { customerName: clean(switchboard.customer.name) } : {}),
    ...(switchboard.members?.length ? { members: switchboard.members.map(clean) } : {}),
    ...(switchboard.twilioNumber ? { twilioNumber: clean(switchboard.twilioNumber) } : {}),
  };
}

// A single address may be one member's binding rather than the group's list: it does not
// replace the members on record.
function fieldsFromBinding(binding: Binding) {
  const described = attributesFromBinding(binding);
  if (!described) return {};
  return fieldsFromAttributes(binding.addresses.length > 1 ? described : { ...described, members: undefined });
}
