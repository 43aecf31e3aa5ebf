import { readSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { db } from '@/lib/db/client';
import type { ConversationState } from '@/lib/db/generated/enums';
import { channelFromBinding, indexChannel } from './channel';

type ConversationFacts = {
  sid: string;
  state?: string | null;
  attributes?: string | null;
  friendlyName?: string | null;
  binding?: { address?: string | null; proxyAddress?: string | null; projectedAddress?: string | null } | null;
  createdAt?: Date;
};

const STATES: Record<string, ConversationState> = { active: 'ACTIVE', inactive: 'INACTIVE', closed: 'CLOSED' };

/**
 * Creates or refreshes a conversation's index row from what Twilio told us. Webhooks can
 * arrive in any order and more than once, so every write is an upsert of known facts;
 * ownership fields are never touched here.
 */
export async function recordConversation(facts: ConversationFacts): Promise<void> {
  const switchboard = readSwitchboardAttributes(parseJson(facts.attributes));
  const binding = facts.binding;
  const fields = {
    ...(facts.state && STATES[facts.state] ? { state: STATES[facts.state] } : {}),
    ...(switchboard ? { channel: indexChannel(switchboard.channel) } : binding?.address || binding?.projectedAddress ? { channel: channelFromBinding(binding) } : {}),
    ...(switchboard?.customer?.address ?? binding?.address ? { customerAddress: switchboard?.customer?.address ?? binding?.address } : {}),
    ...(switchboard?.customer?.name ? { customerName: switchboard.customer.name } : {}),
    ...(switchboard?.members?.length ? { members: switchboard.members } : {}),
    ...(switchboard?.twilioNumber ?? binding?.projectedAddress ?? binding?.proxyAddress
      ? { twilioNumber: switchboard?.twilioNumber ?? binding?.projectedAddress ?? binding?.proxyAddress }
      : {}),
  };
  await db.conversationIndex.upsert({
    where: { sid: facts.sid },
    create: { sid: facts.sid, ...fields, ...(facts.createdAt ? { createdAt: facts.createdAt } : {}) },
    update: fields,
  });
}

function parseJson(value: string | null | undefined): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
