import { parseAttributes, readSwitchboardAttributes, withSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { conversationService } from '@/lib/twilio/conversation-service';
import type { Binding } from '@/lib/conversations/messaging-binding';
import { attributesFromBinding } from './binding-attributes';

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
