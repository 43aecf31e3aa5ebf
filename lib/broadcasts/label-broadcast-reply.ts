import 'server-only';
import { describeBinding } from '@/lib/conversations/conversation-descriptor';
import { parseAttributes, readSwitchboardAttributes, withSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import type { Binding } from '@/lib/conversations/messaging-binding';
import { nameUnnamedContact } from '@/lib/contacts/name-unnamed-contact';
import { db } from '@/lib/db/client';
import { conversationService } from '@/lib/twilio/conversation-service';

/**
 * A customer answering a broadcast opens a conversation (Conversation Orchestrator's bridge): it
 * is named after the broadcast, and the customer after the name on the broadcast's list, so the
 * agent sees what they are answering. The latest broadcast from that number to them counts.
 */
export async function labelBroadcastReply(conversationSid: string, binding: Binding): Promise<void> {
  const [customer] = binding.addresses;
  if (!customer || !binding.proxyAddress) return;
  // Asked of every new conversation: the broadcast first and on its own (a nested read of its
  // recipients would be a second statement even when there is none), so "none" is one read.
  const broadcast = await db.broadcast.findFirst({
    where: { fromNumber: binding.proxyAddress, recipients: { some: { address: customer, status: { not: 'PENDING' } } } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true },
  });
  if (!broadcast) return;
  const recipient = await db.broadcastRecipient.findUnique({ where: { broadcastId_address: { broadcastId: broadcast.id, address: customer } }, select: { name: true } });
  const conversation = (await conversationService()).conversations(conversationSid);
  const attributes = parseAttributes((await conversation.fetch()).attributes);
  const switchboard = readSwitchboardAttributes(attributes) ?? describeBinding(binding);
  if (!switchboard || switchboard.broadcast) return;
  const name = switchboard.customer?.name ?? recipient?.name ?? undefined;
  const labelled = { ...switchboard, customer: { ...switchboard.customer, ...(name ? { name } : {}) }, broadcast };
  await conversation.update({ friendlyName: broadcast.name, attributes: JSON.stringify(withSwitchboardAttributes(attributes, labelled)) });
  if (recipient?.name) await nameUnnamedContact(conversationSid, recipient.name);
}
