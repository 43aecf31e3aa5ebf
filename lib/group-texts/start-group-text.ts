import { AppError } from '@/lib/api/app-error';
import { withSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { claimNewConversation } from '@/lib/conversations/claim-new-conversation';
import { conversationService } from '@/lib/twilio/conversation-service';
import { switchboardRoleSids } from '@/lib/twilio/switchboard-roles';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import type { TStartGroupText } from './group-text-rules';

/**
 * Starts a group text (Twilio's group MMS): the customers by their own numbers, and the agent
 * behind one projected address — the number the customers see, which can later change hands
 * (Twilio's Group Texting guide). One ConversationWithParticipants call, so a refusal leaves nothing behind.
 */
export async function startGroupText({ agentId, input }: { agentId: string; input: TStartGroupText }) {
  if (!listTwilioNumbers().includes(input.projectedAddress)) throw new AppError('invalid_request', 'Choose one of the account’s +1 numbers for the group.');
  const existing = await findOpenGroup(input.customers, input.projectedAddress);
  if (existing) {
    throw new AppError('conflict', 'A group text with these members on this number already exists.', {
      conversationSid: existing.sid,
      isParticipant: existing.identities.includes(agentId),
    });
  }
  const service = await conversationService();
  const attributes = withSwitchboardAttributes({}, {
    channel: 'group',
    members: input.customers,
    twilioNumber: input.projectedAddress,
    ...(input.name ? { name: input.name } : {}),
  });
  let conversation;
  try {
    conversation = await service.conversationWithParticipants.create({
      friendlyName: input.name || `Group: ${input.customers.join(', ')}`,
      attributes: JSON.stringify(attributes),
      participant: [
        JSON.stringify({ identity: agentId, role_sid: (await switchboardRoleSids()).owner, messaging_binding: { projected_address: input.projectedAddress } }),
        ...input.customers.map((address) => JSON.stringify({ messaging_binding: { address } })),
      ],
    });
  } catch (error) {
    // Twilio's group texting rules (50434–50438) come back in its own words.
    const { code = 0, message } = twilioErrorOf(error);
    if (code >= 50434 && code <= 50438) throw new AppError('invalid_request', message ?? 'Twilio refused this group text.');
    throw error;
  }
  await claimNewConversation({ conversationSid: conversation.sid, agentId, attributes: JSON.stringify(attributes) });
  return { conversationSid: conversation.sid };
}

/** An open conversation with exactly these customers and this projected address. */
async function findOpenGroup(customers: string[], projectedAddress: string): Promise<{ sid: string; identities: string[] } | null> {
  const service = await conversationService();
  const wanted = [...customers].sort().join();
  const candidates = await service.participantConversations.list({ address: customers[0]!, limit: 100 });
  for (const candidate of candidates) {
    if (candidate.conversationState === 'closed') continue;
    const participants = await service.conversations(candidate.conversationSid).participants.list({ limit: 50 });
    const bindings = participants.map((p) => p.messagingBinding as { address?: string; projected_address?: string } | null);
    const addresses = bindings.flatMap((b) => (b?.address ? [b.address] : [])).sort().join();
    const projected = bindings.some((b) => b?.projected_address === projectedAddress);
    if (addresses === wanted && projected) {
      return { sid: candidate.conversationSid, identities: participants.flatMap((p) => (p.identity ? [p.identity] : [])) };
    }
  }
  return null;
}
