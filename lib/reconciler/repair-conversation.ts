import { linkContact } from '@/lib/contacts/link-contact';
import { bindingOfParticipants } from '@/lib/conversation-index/binding-of-participants';
import { writeSwitchboardAttributes } from '@/lib/conversation-index/write-switchboard-attributes';
import { conversationIndexFields } from '@/lib/conversation-index/record-conversation';
import { recordMessageIn } from '@/lib/conversation-index/record-message';
import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import { SUPERVISORS } from '@/lib/live/audiences';
import { publishLiveEvent } from '@/lib/live/publish-live-event';
import { log } from '@/lib/observability/log';
import { metrics } from '@/lib/observability/metrics';
import { applyAssignment } from '@/lib/routing/apply-assignment';
import { needsRouting } from '@/lib/routing/queue';
import { routeConversationIn, type RoutingOutcome } from '@/lib/routing/route-conversation';
import { conversationService } from '@/lib/twilio/conversation-service';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';

// Repairs are made one at a time across app instances, each re-checked under this lock, so two
// instances' passes never index or route one conversation twice.
const RECONCILER_LOCK_KEY = 0x5b0a_2d03;

/** Enough of the latest messages to know the customer's last words and whether they were answered. */
const MESSAGES_READ = 20;

export type Repair = { conversationSid: string; indexed: boolean; routing: RoutingOutcome['kind'] | null };

/**
 * Does for one conversation what its lost webhooks would have done: indexes it from what Twilio
 * has (attributes, bindings, latest messages) and, if a customer wrote, routes it — recording
 * each repair. Twilio is read before the transaction; the agent joins after it.
 */
export async function repairConversation(conversationSid: string, now = new Date()): Promise<Repair | null> {
  const conversation = (await conversationService()).conversations(conversationSid);
  let snapshot;
  try {
    const [fetched, participants, latest] = await Promise.all([
      conversation.fetch(),
      conversation.participants.list({ limit: 1000 }),
      conversation.messages.list({ order: 'desc', limit: MESSAGES_READ }),
    ]);
    snapshot = { conversation: fetched, binding: bindingOfParticipants(participants), messages: [...latest].reverse() };
  } catch (error) {
    if (twilioErrorOf(error).status === 404) return null; // deleted meanwhile
    throw error;
  }
  if (snapshot.conversation.state === 'closed') return null;

  const done = await db.$transaction(async (tx): Promise<{ repair: Repair; outcome: RoutingOutcome | null } | null> => {
    await takeAdvisoryLock(tx, RECONCILER_LOCK_KEY);
    const before = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { state: true, assigneeId: true, queuedAt: true } });
    if (before && !needsRouting(before)) return null; // repaired (or routed) meanwhile
    if (!before) {
      const fields = conversationIndexFields({ sid: conversationSid, state: snapshot.conversation.state, attributes: snapshot.conversation.attributes, binding: snapshot.binding });
      // Only its latest messages are read here: the search back-fill reads the rest.
      await tx.conversationIndex.create({ data: { sid: conversationSid, ...fields, createdAt: snapshot.conversation.dateCreated, messagesBackfilledAt: null } });
    }
    for (const message of snapshot.messages) {
      await recordMessageIn(tx, { conversationSid, messageSid: message.sid, author: message.author, body: message.body, mediaCount: Array.isArray(message.media) ? message.media.length : 0, at: message.dateCreated });
    }
    const after = await tx.conversationIndex.findUniqueOrThrow({ where: { sid: conversationSid }, select: { state: true, assigneeId: true, queuedAt: true, lastInboundAt: true } });
    // Only a customer who wrote is waiting for someone; a conversation without their words stays unrouted.
    const routing = needsRouting(after) && after.lastInboundAt ? await routeConversationIn(tx, conversationSid, now) : null;
    const repaired: Repair = { conversationSid, indexed: !before, routing: routing && routing.kind !== 'unchanged' ? routing.kind : null };
    if (repaired.indexed) await tx.reconcilerRepair.create({ data: { conversationSid, kind: 'INDEXED', createdAt: now } });
    if (routing && repaired.routing) {
      const details = routing.kind === 'assigned' ? `assigned to ${routing.agentId}` : 'queued';
      await tx.reconcilerRepair.create({ data: { conversationSid, kind: 'ROUTED', details, createdAt: now } });
    }
    if (!repaired.indexed && !repaired.routing) return null;
    await publishLiveEvent({ kind: 'attention.changed', data: {}, audience: SUPERVISORS, tx });
    return { repair: repaired, outcome: routing };
  });
  if (!done) return null;
  const { repair, outcome } = done;
  if (repair.indexed) metrics.reconcilerRepairs.inc({ kind: 'indexed' });
  if (repair.routing) metrics.reconcilerRepairs.inc({ kind: 'routed' });
  log.warn('reconciler.repaired', { conversationSid, indexed: repair.indexed, routing: repair.routing });
  if (outcome) await applyAssignment(outcome);
  if (repair.indexed) {
    const { attributes } = snapshot.conversation;
    const indexed = await db.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { customerAddress: true, channel: true } });
    const contact = indexed?.customerAddress && indexed.channel !== 'GROUP' ? await linkContact({ conversationSid, address: indexed.customerAddress, channel: indexed.channel }) : null;
    await writeSwitchboardAttributes({ conversationSid, attributes, binding: snapshot.binding, customerName: contact?.name }).catch((error: unknown) => log.warn('reconciler.attributes_failed', { conversationSid, error }));
  }
  return repair;
}
