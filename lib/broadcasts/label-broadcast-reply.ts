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
  // Asked of every new conversation: the broadcast first, so the common answer (none) is one read.
  const answered = { address: customer, status: { not: 'PENDING' } } as const;
  const broadcast = await db.broadcast.findFirst({
    where: { fromNumber: binding.proxyAddress, recipients: { some: answered } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, recipients: { where: answered, take: 1, select: { name: true } } },
  });
  const recipient = broadcast && { name: broadcast.recipients[0]?.name ?? null, broadcast: { id: broadcast.id, name: broadcast.name } };
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
