import type { Binding } from '@/lib/conversations/messaging-binding';

type WireBinding = { address?: string | null; proxy_address?: string | null; projected_address?: string | null } | null;

/**
 * The binding a conversation was made for, read from its participants (as the REST API lists
 * them) rather than from a webhook: a group's projected address and every member's address, or a
 * 1:1 customer's address and proxy address. Null for a chat-only conversation.
 */
export function bindingOfParticipants(participants: readonly { messagingBinding: unknown }[]): Binding | null {
  const bindings = participants.map((participant) => participant.messagingBinding as WireBinding).filter((binding) => binding !== null);
  const projected = bindings.find((binding) => binding?.projected_address);
  if (projected?.projected_address) {
    const addresses = bindings.flatMap((binding) => (binding?.address ? [binding.address] : []));
    return { addresses, proxyAddress: null, projectedAddress: projected.projected_address };
  }
  const customer = bindings.find((binding) => binding?.address && binding.proxy_address);
  if (!customer?.address || !customer.proxy_address) return null;
  return { addresses: [customer.address], proxyAddress: customer.proxy_address, projectedAddress: null };
}
