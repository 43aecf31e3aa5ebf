import { parseAttributes, readSwitchboardAttributes, type TSwitchboardAttributes, withSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { conversationService } from '@/lib/twilio/conversation-service';
import type { Binding } from '@/lib/webhooks/webhook-events';
import { attributeChannel, channelFromBinding } from './channel';

/** What a conversation Twilio made on its own is, from the binding it was made for. */
function attributesFromBinding(binding: Binding): TSwitchboardAttributes | null {
  if (binding.projectedAddress) return { channel: 'group', members: binding.addresses, twilioNumber: binding.projectedAddress };
  const [address] = binding.addresses;
  if (!address || !binding.proxyAddress) return null;
  return { channel: attributeChannel(channelFromBinding({ address })), customer: { address }, twilioNumber: binding.proxyAddress };
}

/**
 * Conversations Twilio created on its own (a customer texted in) carry no attributes. Agents'
 * browsers read the customer and channel from them, so write them once, keeping any others.
 */
export async function ensureSwitchboardAttributes(conversationSid: string, binding: Binding): Promise<void> {
  const switchboard = attributesFromBinding(binding);
  if (!switchboard) return;
  const conversation = (await conversationService()).conversations(conversationSid);
  const attributes = parseAttributes((await conversation.fetch()).attributes);
  if (readSwitchboardAttributes(attributes)) return;
  await conversation.update({ attributes: JSON.stringify(withSwitchboardAttributes(attributes, switchboard)) });
}
