import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { drainQueue, routeConversation, routeConversationIn } from '@/lib/routing/route-conversation';
import { takeConversation } from '@/lib/routing/take-conversation';

type TestDatabase = { close(): Promise<void> };

/**
 * The routing invariants, run against the embedded database (routing.test.ts) and a real
 * PostgreSQL server (routing-postgres.test.ts): on a real server, concurrent transactions
 * really interleave, and only the routing lock keeps assignments single and within capacity.
 */
export function describeRouting(name: string, startDatabase: () => Promise<TestDatabase>) {
let database: TestDatabase;
beforeAll(async () => {
  database = await startDatabase();
});
afterAll(async () => database.close());

const now = new Date();
let counter = 0;
const sid = () => `CH${(++counter).toString(16).padStart(32, '0')}`;

async function agent(name: string, patch: { capacity?: number; availability?: 'AVAILABLE' | 'AWAY'; lastSeenAt?: Date | null } = {}) {
  return db.user.create({
    data: { email: `${name}-${counter++}@example.com`, name, passwordHash: 'x', role: 'AGENT', availability: 'AVAILABLE', lastSeenAt: now, capacity: 2, ...patch },
  });
}
async function inbound(customer = `+1555${String(counter++).padStart(7, '0')}`, twilioNumber = '+15017122661') {
  const conversation = await db.conversationIndex.create({ data: { sid: sid(), channel: 'SMS', customerAddress: customer, twilioNumber, firstInboundAt: now } });
  return conversation.sid;
}
const loads = async () =>
  Object.fromEntries(
    (await db.user.findMany({ select: { name: true, _count: { select: { assignedConversations: { where: { state: { not: 'CLOSED' } } } } } } })).map((u) => [u.name, u._count.assignedConversations]),
  );

beforeEach(async () => {
  await db.assignment.deleteMany();
  await db.conversationIndex.deleteMany();
  await db.user.deleteMany();
});

describe(`routing on ${name}`, () => {
  it('assigns each of many simultaneous conversations exactly once, within capacity, the rest queued', async () => {
    await agent('ada', { capacity: 3 });
    await agent('ben', { capacity: 2 });
    await agent('away', { availability: 'AWAY' });
    await agent('gone', { lastSeenAt: new Date(now.getTime() - 120_000) });
    const sids = await Promise.all(Array.from({ length: 9 }, () => inbound()));

    // Every conversation routed twice at once, as a retried webhook racing the original would —
    // the second time in a transaction of its own, as another app instance (or the reconciler)
    // would, so that only the database's lock stands between the two.
    const outcomes = await Promise.all([...sids.map((s) => routeConversation(s, now)), ...sids.map((s) => db.$transaction((tx) => routeConversationIn(tx, s, now)))]);

    expect(outcomes.filter((o) => o.kind === 'assigned')).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === 'queued')).toHaveLength(4);
    expect(outcomes.filter((o) => o.kind === 'unchanged')).toHaveLength(9);
    expect(await loads()).toEqual({ ada: 3, ben: 2, away: 0, gone: 0 });
    const history = await db.assignment.groupBy({ by: ['conversationSid'], _count: true });
    expect(history.every((entry) => entry._count === 1)).toBe(true);
  });

  it('balances by load and breaks ties by longest idle', async () => {
    const ada = await agent('ada', { capacity: 5 });
    const ben = await agent('ben', { capacity: 5 });
    await db.user.update({ where: { id: ada.id }, data: { lastAssignedAt: new Date(now.getTime() - 1_000) } });
    await db.user.update({ where: { id: ben.id }, data: { lastAssignedAt: new Date(now.getTime() - 60_000) } });
    const first = await routeConversation(await inbound(), now);
    expect(first).toMatchObject({ kind: 'assigned', agentId: ben.id });
    const second = await routeConversation(await inbound(), new Date(now.getTime() + 1));
    expect(second).toMatchObject({ kind: 'assigned', agentId: ada.id });
  });

  it('counts an owner’s inactive conversations against their capacity, and closed ones not', async () => {
    const ada = await agent('ada', { capacity: 2 });
    const [resting, closed] = [await inbound(), await inbound()];
    await db.conversationIndex.update({ where: { sid: resting }, data: { assigneeId: ada.id, state: 'INACTIVE' } });
    await db.conversationIndex.update({ where: { sid: closed }, data: { assigneeId: ada.id, state: 'CLOSED' } });
    expect(await routeConversation(await inbound(), now)).toMatchObject({ kind: 'assigned', agentId: ada.id });
    expect(await routeConversation(await inbound(), new Date(now.getTime() + 1))).toMatchObject({ kind: 'queued' });
  });

  it('gives the queue, oldest first, to agents as capacity appears', async () => {
    const ada = await agent('ada', { capacity: 1 });
    const busy = await inbound();
    await routeConversation(busy, now);
    const older = await inbound();
    const newer = await inbound();
    expect(await routeConversation(older, now)).toMatchObject({ kind: 'queued' });
    expect(await routeConversation(newer, new Date(now.getTime() + 10))).toMatchObject({ kind: 'queued' });

    expect(await drainQueue({ now })).toEqual([]);
    await resolveInIndex({ conversationSid: busy, actorId: ada.id });
    expect(await drainQueue({ now })).toEqual([{ kind: 'assigned', conversationSid: older, agentId: ada.id, channel: 'SMS' }]);
    expect((await db.conversationIndex.findUnique({ where: { sid: newer } }))?.queuedAt).not.toBeNull();
    expect((await db.assignment.findMany({ where: { conversationSid: older }, orderBy: { createdAt: 'asc' } })).map((a) => a.reason)).toEqual(['QUEUE', 'FROM_QUEUE']);
  });

  it('drains the queue oldest first, within capacity, never straight back to who handed it back', async () => {
    const ada = await agent('ada', { capacity: 1, availability: 'AWAY' });
    const ben = await agent('ben', { capacity: 1, availability: 'AWAY' });
    const [first, second, third] = [await inbound(), await inbound(), await inbound()];
    for (const [i, conversation] of [first, second, third].entries()) expect(await routeConversation(conversation!, new Date(now.getTime() + i))).toMatchObject({ kind: 'queued' });
    await db.user.updateMany({ where: { id: ada.id }, data: { availability: 'AVAILABLE' } });

    // Ada just handed the oldest back: it is not hers again, and the others wait behind it.
    expect(await drainQueue({ now, notBackTo: { conversationSid: first!, agentId: ada.id } })).toEqual([]);
    await db.user.updateMany({ where: { id: ben.id }, data: { availability: 'AVAILABLE' } });
    const drained = await drainQueue({ now, notBackTo: { conversationSid: first!, agentId: ada.id } });
    expect(drained).toEqual([
      { kind: 'assigned', conversationSid: first, agentId: ben.id, channel: 'SMS' },
      { kind: 'assigned', conversationSid: second, agentId: ada.id, channel: 'SMS' },
    ]);
    expect((await db.conversationIndex.findUnique({ where: { sid: third } }))?.queuedAt).not.toBeNull();
    expect(await loads()).toMatchObject({ ada: 1, ben: 1 });
  });

  it('lets exactly one of two agents racing take a queued conversation', async () => {
    const ada = await agent('ada', { availability: 'AWAY' });
    const ben = await agent('ben', { availability: 'AWAY' });
    const waiting = await inbound();
    await routeConversation(waiting, now);
    const results = await Promise.allSettled([takeConversation({ agentId: ada.id, conversationSid: waiting }), takeConversation({ agentId: ben.id, conversationSid: waiting })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect((rejected.reason as AppError).message).toBe('Someone else took that conversation.');
  });

  it('prefers the customer’s previous agent for their next conversation', async () => {
    const ada = await agent('ada', { capacity: 5 });
    const ben = await agent('ben', { capacity: 5 });
    const first = await inbound('+15550000001');
    const outcome = await routeConversation(first, now);
    const previous = outcome.kind === 'assigned' ? outcome.agentId : null;
    await resolveInIndex({ conversationSid: first, actorId: previous });
    // The other agent is now the least loaded and longest idle; the customer still goes back.
    const next = await inbound('+15550000001');
    expect(await routeConversation(next, new Date(now.getTime() + 5))).toMatchObject({ kind: 'assigned', agentId: previous });
    expect([ada.id, ben.id]).toContain(previous);
    expect((await db.assignment.findFirst({ where: { conversationSid: next } }))?.reason).toBe('PREFERRED');
    // Writing to another of the team's numbers is another line of business: no preference there.
    const elsewhere = await inbound('+15550000001', '+15017122662');
    const other = previous === ada.id ? ben.id : ada.id;
    expect(await routeConversation(elsewhere, new Date(now.getTime() + 10))).toMatchObject({ kind: 'assigned', agentId: other });
    expect((await db.assignment.findFirst({ where: { conversationSid: elsewhere } }))?.reason).toBe('AUTO');
  });
});
}
