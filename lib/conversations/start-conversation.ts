import { AppError } from '@/lib/api/app-error';
import { conversationService } from '@/lib/twilio/conversation-service';
import { switchboardRoleSids } from '@/lib/twilio/switchboard-roles';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';
import { claimNewConversation } from './claim-new-conversation';
import { isParticipant } from './conversation-access';
import { withSwitchboardAttributes } from './conversation-attributes';
import { channelOfAddress, displayAddress, toChannelAddress } from './phone-address';
import type { TStartConversation } from './start-conversation-schema';

const BINDING_IN_USE = 50416;

/**
 * Opens a 1:1 SMS or WhatsApp conversation between a customer and the agent, in one
 * ConversationWithParticipants call so that a refusal leaves nothing half-created. Twilio
 * allows one active conversation per customer address and account number (50416); that
 * conversation is returned instead, for the caller to open.
 */
export async function startConversation({ agentId, input }: { agentId: string; input: TStartConversation }) {
  const from = listTwilioNumbers().find((number) => number === input.from);
  if (!from) throw new AppError('invalid_request', 'Choose one of the account’s numbers.');
  if (channelOfAddress(from) !== input.channel) {
    throw new AppError('invalid_request', input.channel === 'whatsapp' ? 'WhatsApp needs a WhatsApp sender.' : 'SMS needs a phone number, not a WhatsApp sender.');
  }
  const customerAddress = toChannelAddress(input.customerNumber, input.channel);
  const service = await conversationService();
  const attributes = withSwitchboardAttributes({}, {
    channel: input.channel,
    customer: { address: customerAddress, ...(input.customerName ? { name: input.customerName } : {}) },
    twilioNumber: from,
  });
  let conversationSid: string;
  try {
    const conversation = await service.conversationWithParticipants.create({
      friendlyName: input.customerName || displayAddress(customerAddress),
      attributes: JSON.stringify(attributes),
      participant: [
        JSON.stringify({ messaging_binding: { address: customerAddress, proxy_address: from } }),
        JSON.stringify({ identity: agentId, role_sid: (await switchboardRoleSids()).owner }),
      ],
    });
    conversationSid = conversation.sid;
  } catch (error) {
    if (twilioErrorOf(error).code !== BINDING_IN_USE) throw error;
    const existing = await findOpenConversation(customerAddress, from);
    throw new AppError('conflict', `${displayAddress(customerAddress)} already has an open conversation on ${displayAddress(from)}.`, {
      conversationSid: existing?.conversationSid ?? null,
      isParticipant: existing ? await isParticipant(existing.conversationSid, agentId) : false,
    });
  }
  await claimNewConversation({ conversationSid, agentId, attributes: JSON.stringify(attributes) });
  return { conversationSid };
}

async function findOpenConversation(address: string, proxyAddress: string) {
  const service = await conversationService();
  const entries = await service.participantConversations.list({ address, limit: 50 });
  return entries.find(
    (entry) =>
      entry.conversationState !== 'closed' &&
      (entry.participantMessagingBinding as { proxy_address?: string } | null)?.proxy_address === proxyAddress,
  );
}
