import { labelBroadcastReply } from '@/lib/broadcasts/label-broadcast-reply';
import { classifyAuthor } from '@/lib/conversation-index/message-author';
import { writeSwitchboardAttributes } from '@/lib/conversation-index/write-switchboard-attributes';
import { recordConversation, recordConversationIfChanged } from '@/lib/conversation-index/record-conversation';
import { recordDelivery } from '@/lib/conversation-index/record-delivery';
import { recordMessage } from '@/lib/conversation-index/record-message';
import { closeSurveyReply } from '@/lib/csat/close-survey-reply';
import { recordCsatReply } from '@/lib/csat/record-csat-reply';
import { applyAssignment } from '@/lib/routing/apply-assignment';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';
import { requeueIfOwnerLeft } from '@/lib/routing/requeue-if-owner-left';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { routeConversation } from '@/lib/routing/route-conversation';
import { wakeOnCustomerMessage } from '@/lib/snooze/wake-conversation';
import type { WebhookEvent } from './webhook-events';

/**
 * Events whose handling below gives the same result however often, and in whatever order, they
 * come: a retry is simply handled again, sparing the receipt's write. Delivery updates are one to
 * two per reply, the most frequent webhook (recordDelivery weighs each by its time); a participant
 * added comes with every new conversation, and what it records is the binding, which never changes;
 * a message the team (or Switchboard) sent is only recorded — recordMessage keeps each message once
 * and moves each time by the row's own value. A customer's message may route, wake or answer a
 * survey, so it keeps its receipt.
 */
export const isIdempotentEvent = (event: WebhookEvent): boolean =>
  event.type === 'onDeliveryUpdated' || event.type === 'onParticipantAdded' || (event.type === 'onMessageAdded' && classifyAuthor(event.author, null).kind !== 'CUSTOMER');

/** Work that may run after the webhook is answered (Next's `after`, or awaited in tests). */
export type Defer = (work: () => Promise<void>) => void;

/**
 * What Switchboard does with each post-action event. Database writes happen before the
 * answer (they are quick, and a failure should make Twilio retry); calls back to Twilio wait
 * until after it. Any event saying the conversation is closed goes through resolveInIndex,
 * whichever of them arrives first.
 */
export async function handleWebhookEvent(event: WebhookEvent, defer: Defer): Promise<void> {
  switch (event.type) {
    case 'onConversationAdded':
    case 'onConversationUpdated':
    case 'onConversationRemoved':
    {
      const { customerName } = await recordConversation({ sid: event.conversationSid, state: event.state, attributes: event.attributes, binding: event.binding, createdAt: event.createdAt });
      if (event.type === 'onConversationAdded') {
        // A customer the team knows is named in the attributes from the start.
        defer(async () => void (await writeSwitchboardAttributes({ conversationSid: event.conversationSid, attributes: event.attributes, binding: event.binding, customerName })));
      }
      if (event.state === 'closed') await resolveAndOffer(event.conversationSid, event.updatedAt, defer);
      return;
    }
    case 'onConversationStateUpdated':
      if (event.state === 'closed') await resolveAndOffer(event.conversationSid, event.updatedAt, defer);
      else await recordConversation({ sid: event.conversationSid, state: event.state });
      return;
    case 'onParticipantAdded':
      // A 1:1 customer (address + proxy address); group members and agents say nothing new. The
      // attributes were written when the conversation was added: only the index learns here, and
      // a reply to a broadcast is named after it.
      if (event.binding.proxyAddress) {
        await recordConversationIfChanged({ sid: event.conversationSid, binding: event.binding });
        defer(() => labelBroadcastReply(event.conversationSid, event.binding));
      }
      return;
    case 'onParticipantRemoved':
      // The owner was removed outside Switchboard: the conversation must not wait on them.
      if (event.identity && (await requeueIfOwnerLeft(event.conversationSid, event.identity))) defer(offerQueuedWork);
      return;
    case 'onDeliveryUpdated':
      await recordDelivery(event);
      return;
    case 'onMessageAdded': {
      const recorded = await recordMessage(event);
      // The customer wrote: a snoozed conversation comes back (with a notice) to whoever owns it.
      if (recorded.author.kind === 'CUSTOMER' && recorded.snoozed) await wakeOnCustomerMessage({ conversationSid: event.conversationSid, at: event.at });
      if (!recorded.needsRouting) return;
      // An answer to a satisfaction survey arrives as a new conversation: recorded, not routed.
      if (await recordCsatReply(event, { surveyReplyTo: recorded.surveyReplyTo })) {
        defer(() => closeSurveyReply(event.conversationSid));
        return;
      }
      const outcome = await routeConversation(event.conversationSid);
      defer(async () => void (await applyAssignment(outcome)));
      return;
    }
  }
}

async function resolveAndOffer(conversationSid: string, at: Date | undefined, defer: Defer): Promise<void> {
  // Closing frees the agent's capacity: the oldest waiting conversation can go to them.
  await resolveInIndex({ conversationSid, actorId: null, now: at });
  defer(offerQueuedWork);
}
