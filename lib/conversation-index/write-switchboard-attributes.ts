import { describeAttributes, describeBinding, type ConversationDescriptor } from '@/lib/conversations/conversation-descriptor';
import { parseAttributes, withSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { conversationService } from '@/lib/twilio/conversation-service';
import type { Binding } from '@/lib/conversations/messaging-binding';

type Options = {
  conversationSid: string;
  /** The attributes Twilio reported with the conversation (the webhook's, or a fetch the caller made). */
  attributes: string | null | undefined;
  binding: Binding | null;
  /** The customer's name from their contact record, when Switchboard knows them. */
  customerName?: string | null;
};

/**
 * Conversations Twilio created on its own (a customer texted in) carry no attributes. Agents'
 * browsers read the customer and channel from them, so they are written once, when the
 * conversation is added: from the attributes Twilio just reported (no fetch), in one update made
 * without webhooks (Twilio fires none for a REST change unless asked), so nothing echoes back.
 * Returns the descriptor written, or null when there was nothing to write.
 */
export async function writeSwitchboardAttributes({ conversationSid, attributes, binding, customerName }: Options): Promise<ConversationDescriptor | null> {
  if (describeAttributes(attributes) || !binding) return null;
  const described = describeBinding(binding);
  if (!described) return null;
  const switchboard = described.customer && customerName ? { ...described, customer: { ...described.customer, name: customerName } } : described;
  await (await conversationService())
    .conversations(conversationSid)
    .update({ attributes: JSON.stringify(withSwitchboardAttributes(parseAttributes(attributes), switchboard)) });
  return switchboard;
}
