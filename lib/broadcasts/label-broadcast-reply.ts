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
  const recipient = await db.broadcastRecipient.findFirst({
    where: { address: customer, status: { not: 'PENDING' }, broadcast: { fromNumber: binding.proxyAddress } },
    orderBy: { broadcast: { createdAt: 'desc' } },
    select: { name: true, broadcast: { select: { id: true, name: true } } },
  });
  if (!recipient) return;
  const conversation = (await conversationService()).conversations(conversationSid);
  const attributes = parseAttributes((await conversation.fetch()).attributes);
  const switchboard = readSwitchboardAttributes(attributes) ?? describeBinding(binding);
  if (!switchboard || switchboard.broadcast) return;
  const name = switchboard.customer?.name ?? recipient.name ?? undefined;
  const labelled = { ...switchboard, customer: { ...switchboard.customer, ...(name ? { name } : {}) }, broadcast: recipient.broadcast };
  await conversation.update({ friendlyName: recipient.broadcast.name, attributes: JSON.stringify(withSwitchboardAttributes(attributes, labelled)) });
  if (recipient.name) await nameUnnamedContact(conversationSid, recipient.name);
}
