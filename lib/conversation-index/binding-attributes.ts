import type { TSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { channelOfAddress } from '@/lib/conversations/phone-address';
import type { Binding } from '@/lib/conversations/messaging-binding';

/**
 * What a conversation is, from the binding Twilio made it for. A group's projected address
 * names the group (its members are the addresses); a customer's address with a proxy address
 * names a 1:1 conversation. A group member's own binding (an address without a proxy) says
 * nothing about the conversation: null.
 */
export function attributesFromBinding(binding: Binding): TSwitchboardAttributes | null {
  if (binding.projectedAddress) return { channel: 'group', members: binding.addresses, twilioNumber: binding.projectedAddress };
  const [address] = binding.addresses;
  if (!address || !binding.proxyAddress) return null;
  return { channel: channelOfAddress(address), customer: { address }, twilioNumber: binding.proxyAddress };
}
