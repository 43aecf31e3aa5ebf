import type { Prisma } from '@/lib/db/generated/client';
import type { ConversationChannel, ConversationState } from '@/lib/db/generated/enums';
import { loadAgentCandidates } from './agent-candidates';
import { type AssignmentChange, recordAssignments } from './assign';
import { countPick, pickAgent } from './assignment-policy';
import { needsRouting, QUEUE_ORDER, QUEUED_WHERE } from './queue';
import { inRoutingTransaction, takeRoutingLock } from './routing-lock';

export type RoutingOutcome =
  // The channel as the index had it when deciding (Twilio is then asked less: moveOwnershipInTwilio).
  | { kind: 'assigned'; conversationSid: string; agentId: string; channel?: ConversationChannel }
  | { kind: 'queued'; conversationSid: string }
  | { kind: 'unchanged'; conversationSid: string };

/**
 * Routes a new inbound conversation: to an agent who can take it (the customer's previous
 * agent first), else into the queue. A conversation that already has an owner or a place in
 * the queue is left as it is, so a retried or concurrent webhook assigns nothing twice.
 */
export function routeConversation(conversationSid: string, now = new Date()): Promise<RoutingOutcome> {
  return new Promise((resolve, reject) => {
    waiting.push({ conversationSid, now, resolve, reject });
    void decideWaiting();
  });
}

/** routeConversation inside a caller's transaction (the reconciler indexes and routes in one). */
export async function routeConversationIn(tx: Prisma.TransactionClient, conversationSid: string, now: Date): Promise<RoutingOutcome> {
  await takeRoutingLock(tx);
  const [outcome] = await decideRoutes(tx, [{ conversationSid, now }]);
  return outcome!;
}

type Request = { conversationSid: string; now: Date };
type Waiting = Request & { resolve(outcome: RoutingOutcome): void; reject(error: unknown): void };

/** At most this many conversations decided in one transaction. */
const BATCH = 50;
const waiting: Waiting[] = [];
let deciding = false;

/**
 * Decides the conversations waiting to be routed, all that arrived meanwhile in one transaction
 * (one lock, one read of the team, one write): under a burst the decisions keep up, since their
 * cost hardly grows with their number, and the instance has one routing transaction at a time —
 * the others wait here holding nothing, not a pooled connection each while the lock is taken. A
 * batch that fails is decided again one by one, so a conversation that cannot be routed fails alone.
 */
async function decideWaiting(): Promise<void> {
  if (deciding) return;
  deciding = true;
  try {
    while (waiting.length > 0) {
      const batch = waiting.splice(0, BATCH);
      try {
        const outcomes = await inRoutingTransaction((tx) => decideRoutes(tx, batch));
        batch.forEach((request, i) => request.resolve(outcomes[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const request of batch) await inRoutingTransaction((tx) => decideRoutes(tx, [request])).then(([outcome]) => request.resolve(outcome!), request.reject);
      }
    }
  } finally {
    deciding = false;
  }
}

/** The decisions, in order, each seeing the ones before it (an agent's load grows as they are picked). */
async function decideRoutes(tx: Prisma.TransactionClient, requests: Request[]): Promise<RoutingOutcome[]> {
  const conversations = new Map((await readForRouting(tx, requests.map((request) => request.conversationSid))).map((conversation) => [conversation.sid, conversation]));
  const open = new Set([...conversations.values()].filter(needsRouting).map((conversation) => conversation.sid));
  const candidates = open.size > 0 ? await loadAgentCandidates(tx) : [];
  const changes: AssignmentChange[] = [];
  const outcomes = requests.map(({ conversationSid, now }): RoutingOutcome => {
    // Decided once, even when a retried webhook asks again in the same batch.
    if (!open.delete(conversationSid)) return { kind: 'unchanged', conversationSid };
    const { channel, preferredAgentId } = conversations.get(conversationSid)!;
    const agent = pickAgent(candidates, now, preferredAgentId);
    if (!agent) {
      changes.push({ conversationSid, fromUserId: null, toUserId: null, reason: 'QUEUE', now });
      return { kind: 'queued', conversationSid };
    }
    countPick(agent, now);
    changes.push({ conversationSid, fromUserId: null, toUserId: agent.id, reason: agent.id === preferredAgentId ? 'PREFERRED' : 'AUTO', now });
    return { kind: 'assigned', conversationSid, agentId: agent.id, channel };
  });
  await recordAssignments(tx, changes);
  return outcomes;
}

type RoutingRead = { sid: string; state: ConversationState; assigneeId: string | null; queuedAt: Date | null; channel: ConversationChannel; preferredAgentId: string | null };

/**
 * The conversations to route as they stand under the lock, each with the agent of its customer's
 * most recent earlier conversation on the same number (whom routing prefers): one statement, since
 * every new conversation waits on it.
 */
function readForRouting(tx: Prisma.TransactionClient, sids: string[]): Promise<RoutingRead[]> {
  return tx.$queryRaw<RoutingRead[]>`
    SELECT this.sid, this.state::text AS state, this."assigneeId", this."queuedAt", this.channel::text AS channel, last."toUserId" AS "preferredAgentId"
    FROM "ConversationIndex" AS this
    LEFT JOIN LATERAL (
      SELECT earlier.sid FROM "ConversationIndex" AS earlier
      WHERE earlier."customerAddress" = this."customerAddress"
        AND earlier."twilioNumber" IS NOT DISTINCT FROM this."twilioNumber"
        AND earlier.sid <> this.sid
      ORDER BY earlier."createdAt" DESC
      LIMIT 1
    ) AS earlier ON true
    LEFT JOIN LATERAL (
      SELECT "toUserId" FROM "Assignment"
      WHERE "conversationSid" = earlier.sid AND "toUserId" IS NOT NULL
      ORDER BY "createdAt" DESC
      LIMIT 1
    ) AS last ON true
    WHERE this.sid = ANY(${sids}::text[])`;
}

/**
 * Hands queued conversations, oldest first, to agents who can take them, until either runs
 * out. Called whenever capacity may have appeared: an agent became available or came back
 * online, a conversation was resolved or moved, capacity was raised. Decided as routing is: a
 * batch per transaction, each pick counted before the next, one write.
 */
export async function drainQueue({ now = new Date(), notBackTo }: { now?: Date; notBackTo?: { conversationSid: string; agentId: string } } = {}): Promise<RoutingOutcome[]> {
  const outcomes: RoutingOutcome[] = [];
  for (;;) {
    const handed = await inRoutingTransaction(async (tx): Promise<RoutingOutcome[]> => {
      const queued = await tx.conversationIndex.findMany({ where: QUEUED_WHERE, orderBy: QUEUE_ORDER, select: { sid: true, channel: true }, take: BATCH });
      const candidates = queued.length > 0 ? await loadAgentCandidates(tx) : [];
      const changes: AssignmentChange[] = [];
      const assigned: RoutingOutcome[] = [];
      for (const { sid, channel } of queued) {
        // An agent who just handed a conversation back to the queue does not get it straight back.
        const agent = pickAgent(candidates.filter((candidate) => !(notBackTo?.conversationSid === sid && notBackTo.agentId === candidate.id)), now);
        // First come, first served: nobody can take the oldest, so the newer ones wait behind it.
        if (!agent) break;
        countPick(agent, now);
        changes.push({ conversationSid: sid, fromUserId: null, toUserId: agent.id, reason: 'FROM_QUEUE', now });
        assigned.push({ kind: 'assigned', conversationSid: sid, agentId: agent.id, channel });
      }
      await recordAssignments(tx, changes);
      return assigned;
    });
    outcomes.push(...handed);
    if (handed.length < BATCH) return outcomes;
  }
}
