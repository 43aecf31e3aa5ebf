import { readSwitchboardAttributes, withSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { conversationService } from '@/lib/twilio/conversation-service';
import { attributeChannel, channelFromBinding } from './channel';

/**
 * Conversations Twilio created on its own (a customer texted in) carry no attributes. Agents'
 * browsers read the customer and channel from them, so write them once, keeping any others.
 */
export async function ensureSwitchboardAttributes(
  conversationSid: string,
  binding: { address: string | null; proxyAddress: string | null; projectedAddress: string | null },
): Promise<void> {
  if (!binding.address) return;
  const conversation = (await conversationService()).conversations(conversationSid);
  const current = await conversation.fetch();
  const attributes = parseObject(current.attributes);
  if (readSwitchboardAttributes(attributes)) return;
  await conversation.update({
    attributes: JSON.stringify(
      withSwitchboardAttributes(attributes, {
        channel: attributeChannel(channelFromBinding(binding)),
        customer: { address: binding.address },
        twilioNumber: binding.projectedAddress ?? binding.proxyAddress ?? undefined,
      }),
    ),
  });
}

function parseObject(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
