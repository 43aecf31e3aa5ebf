import { ensureSwitchboardAttributes } from '@/lib/conversation-index/ensure-switchboard-attributes';
import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { recordMessage } from '@/lib/conversation-index/record-message';
import { applyAssignment } from '@/lib/routing/apply-assignment';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { routeConversation } from '@/lib/routing/route-conversation';
import type { WebhookEvent } from './webhook-events';

/** Work that may run after the webhook is answered (Next's `after`, or awaited in tests). */
export type Defer = (work: () => Promise<void>) => void;

/**
 * What Switchboard does with each post-action event. Database writes happen before the
 * answer (they are quick, and a failure should make Twilio retry); calls back to Twilio wait
 * until after it.
 */
export async function handleWebhookEvent(event: WebhookEvent, defer: Defer): Promise<void> {
  switch (event.type) {
    case 'onConversationAdded':
    case 'onConversationUpdated':
    case 'onConversationRemoved':
      await recordConversation({ sid: event.conversationSid, state: event.state, attributes: event.attributes, binding: event.binding, createdAt: event.createdAt });
      if (event.type === 'onConversationAdded') defer(() => ensureSwitchboardAttributes(event.conversationSid, event.binding));
      if (event.type === 'onConversationRemoved') {
        await resolveInIndex({ conversationSid: event.conversationSid, actorId: null });
        defer(offerQueuedWork);
      }
      return;
    case 'onConversationStateUpdated':
      if (event.state === 'closed') {
        // Closing frees the agent's capacity: the oldest waiting conversation can go to them.
        await resolveInIndex({ conversationSid: event.conversationSid, actorId: null });
        defer(offerQueuedWork);
      } else {
        await recordConversation({ sid: event.conversationSid, state: event.state });
      }
      return;
    case 'onParticipantAdded':
      if (event.binding.address) {
        await recordConversation({ sid: event.conversationSid, binding: event.binding });
        defer(() => ensureSwitchboardAttributes(event.conversationSid, event.binding));
      }
      return;
    case 'onParticipantRemoved':
      return;
    case 'onMessageAdded': {
      const { inbound } = await recordMessage(event);
      if (!inbound) return;
      const outcome = await routeConversation(event.conversationSid);
      defer(() => applyAssignment(outcome));
      return;
    }
  }
}
