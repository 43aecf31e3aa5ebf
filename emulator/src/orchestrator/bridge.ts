import type { Origin } from '../domain/origin';
import type { Captured, CarrierTraffic } from './capture';
import type { OrchestratorContext } from './context';

/**
 * `conversationsV1Bridge`: the messaging a configuration captures also lives in the v1 service it names,
 * so v1 webhooks, the SDK and the inbox see it. The v1 conversation opens when the customer writes
 * (a broadcast to 10,000 numbers does not open 10,000 inbox conversations): its customer participant
 * is bound to the customer's address with the captured number as proxy address, and the v2
 * conversation's earlier communications (the broadcast) are copied in first, authored `system` with their origin in the attributes, without
 * being sent again.
 * Replies written in v1 go out through the carrier, where capture records them exactly once.
 */
export const bridgeInbound = async (ctx: OrchestratorContext, captured: Captured, traffic: CarrierTraffic): Promise<void> => {
  const serviceSid = captured.configuration.conversationsV1Bridge?.serviceId;
  if (!serviceSid || !ctx.core.store.get('services', serviceSid)) return;
  const { core } = ctx;
  const routed = core.inbound.routeInbound({ from: traffic.from, to: [traffic.to] });
  if (routed) {
    link(ctx, captured.conversation.id, routed.sid);
    return;
  }
  // As an autocreated conversation would be: created by the channel, so webhooks fire for it.
  const origin: Origin = { source: traffic.channel, webhookEnabled: false };
  const isFirst = captured.conversation.v1ConversationSid === null;
  const conversation = await core.conversations.createConversation(
    serviceSid,
    { attributes: JSON.stringify({ conversationsV2: { conversationId: captured.conversation.id, configurationId: captured.configuration.id } }) },
    origin,
  );
  await core.participants.addParticipant(serviceSid, conversation.sid, { address: traffic.from, proxyAddress: traffic.to }, origin);
  link(ctx, captured.conversation.id, conversation.sid);
  if (!isFirst) return;
  const history = Object.values(ctx.state().communications)
    .filter((c) => c.conversationId === captured.conversation.id && c.id !== captured.communication.id)
    .sort((a, b) => a.seq - b.seq);
  const bridged: Origin = { source: 'system', webhookEnabled: false, bridged: true };
  for (const c of history) {
    // Authored `system` (the number is no participant's identity); the attributes say where it came from.
    const attributes = JSON.stringify({ conversationsV2: { communicationId: c.id, channelId: c.channelId, from: c.author.address } });
    await core.messages.addMessage(serviceSid, conversation.sid, { author: 'system', body: c.content.text, attributes, dateCreated: c.occurredAt }, bridged);
  }
};

const link = (ctx: OrchestratorContext, conversationId: string, v1ConversationSid: string) => {
  const conversation = ctx.state().conversations[conversationId];
  if (!conversation || conversation.v1ConversationSid === v1ConversationSid) return;
  ctx.state().conversations[conversationId] = { ...conversation, v1ConversationSid };
  ctx.changed();
};
