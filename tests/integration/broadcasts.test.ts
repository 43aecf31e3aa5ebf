import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { AppError } from '@/lib/api/app-error';
import { createBroadcast } from '@/lib/broadcasts/create-broadcast';
import { labelBroadcastReply } from '@/lib/broadcasts/label-broadcast-reply';
import { recordMessageStatus } from '@/lib/broadcasts/record-message-status';
import { PROGRESS_EVERY_MS } from '@/lib/broadcasts/announce-progress';
import { sendBroadcast } from '@/lib/broadcasts/send-broadcast';
import { readSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { db } from '@/lib/db/client';
import { ZConfigurationForm } from '@/lib/orchestration/configuration-form';
import { customerTimeline } from '@/lib/orchestration/customer-timeline';
import { fetchOperation } from '@/lib/orchestration/fetch-operation';
import { listConfigurations } from '@/lib/orchestration/list-configurations';
import { saveConfiguration } from '@/lib/orchestration/save-configuration';
import { EventHub, type HubEvent } from '@/lib/live/event-hub';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
const SMS = '+15017122661';
const OTHER = '+15017122662';

beforeAll(async () => {
  // Twilio's rate limit on: a broadcast faster than the number's throughput must back off, not fail.
  [emulator, database] = await Promise.all([startTestEmulator({ rateLimit: true }), startTestDatabase()]);
  await db.user.create({ data: { id: 'sup', email: 'sup@example.com', name: 'Sup', passwordHash: 'x', role: 'SUPERVISOR' } });
});
afterAll(async () => Promise.all([emulator.close(), database.close()]));

const customers = Array.from({ length: 40 }, (_, i) => `+1555700${String(i).padStart(4, '0')}`);

describe('orchestration and broadcasts', () => {
  it('saves a configuration once per idempotency key, through an operation that completes', async () => {
    const form = ZConfigurationForm.parse({
      displayName: 'Campaigns',
      groupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
      captures: { SMS: [SMS], WHATSAPP: [] },
      inactiveMinutes: 30,
      closedMinutes: 1440,
      bridgeToInbox: true,
      idempotencyKey: randomUUID(),
    });
    const first = await saveConfiguration({ form });
    const again = await saveConfiguration({ form });
    expect(again.operationId).toBe(first.operationId);
    await emulator.orchestrator.idle();
    expect(await fetchOperation(first.operationId)).toMatchObject({ status: 'COMPLETED' });
    const [configuration, ...others] = await listConfigurations();
    expect(others).toEqual([]);
    expect(configuration).toMatchObject({ displayName: 'Campaigns', captures: { SMS: [SMS] }, bridgeServiceId: emulator.serviceSid });
  });

  it('refuses to broadcast from a number no configuration captures', async () => {
    const refused = await createBroadcast({ input: { name: 'x', body: 'hi', fromNumber: OTHER, recipients: customers[0]! }, createdById: 'sup' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(/No Orchestration configuration captures/);
  });

  it('sends to every recipient at more than the number’s throughput by backing off on 429, and records delivery', { timeout: 60_000 }, async () => {
    process.env.BROADCAST_MESSAGES_PER_SECOND = '500';
    const { id, total } = await createBroadcast({
      input: { name: 'Spring sale', body: 'Spring sale: 20% off', fromNumber: SMS, recipients: customers.map((c, i) => `${c},Customer ${i}`).join('\n') },
      createdById: 'sup',
    });
    expect(total).toBe(40);
    // Sent in the list's order.
    const listed = await db.broadcastRecipient.findMany({ where: { broadcastId: id }, orderBy: { id: 'asc' } });
    expect(listed.map((r) => [r.address, r.name])).toEqual(customers.map((c, i) => [c, `Customer ${i}`]));
    await sendBroadcast(id);
    const rows = await db.broadcastRecipient.findMany({ where: { broadcastId: id } });
    expect(rows.filter((r) => r.status !== 'QUEUED')).toEqual([]);
    expect(new Set(rows.map((r) => r.messageSid)).size).toBe(40);
    expect(await db.broadcast.findUnique({ where: { id } })).toMatchObject({ status: 'SENT' });
    await emulator.orchestrator.idle();
    expect(emulator.carrier.messagesOf(customers[39]!).map((m) => m.body)).toEqual(['Spring sale: 20% off']);

    // Delivery reports move a recipient forward only.
    const sid = rows[0]!.messageSid!;
    await recordMessageStatus({ MessageSid: sid, MessageStatus: 'delivered' });
    await recordMessageStatus({ MessageSid: sid, MessageStatus: 'sent' });
    expect(await db.broadcastRecipient.findUnique({ where: { messageSid: sid } })).toMatchObject({ status: 'DELIVERED' });
    await recordMessageStatus({ MessageSid: rows[1]!.messageSid!, MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(await db.broadcastRecipient.findUnique({ where: { messageSid: rows[1]!.messageSid! } })).toMatchObject({ status: 'FAILED', errorMessage: 'The phone is unreachable.' });

    // A reply opens a conversation in the inbox's service, named after the broadcast and the customer.
    const reply = await emulator.carrier.send({ from: customers[2]!, to: [SMS], body: 'Shoes too?', mediaSids: [] });
    const conversationSid = reply.routing.outcome === 'delivered' || reply.routing.outcome === 'autocreated' ? reply.routing.conversationSid : '';
    await labelBroadcastReply(conversationSid, { addresses: [customers[2]!], proxyAddress: SMS, projectedAddress: null });
    const conversation = await getTwilioClient().conversations.v1.conversations(conversationSid).fetch();
    expect(conversation.friendlyName).toBe('Spring sale');
    expect(readSwitchboardAttributes(JSON.parse(conversation.attributes))).toMatchObject({ customer: { address: customers[2], name: 'Customer 2' }, broadcast: { id, name: 'Spring sale' } });
    const messages = await getTwilioClient().conversations.v1.conversations(conversationSid).messages.list();
    expect(messages.map((m) => m.body)).toEqual(['Spring sale: 20% off', 'Shoes too?']);
    // The details panel's timeline: the customer's communications as Conversation Orchestrator grouped them.
    const timeline = await customerTimeline(conversationSid);
    expect(timeline?.map((e) => [e.channel, e.fromCustomer, e.text])).toEqual([
      ['SMS', false, 'Spring sale: 20% off'],
      ['SMS', true, 'Shoes too?'],
    ]);
  });

  it('announces a burst of status callbacks to supervisors’ screens a few times, the last change included', async () => {
    const { id } = await createBroadcast({ input: { name: 'Burst', body: 'Hello', fromNumber: SMS, recipients: customers.slice(0, 30).join('\n') }, createdById: 'sup' });
    await sendBroadcast(id);
    const hub = new EventHub(database.url);
    await hub.start();
    const heardAt: number[] = [];
    const unsubscribe = hub.subscribe({ onEvent: (event: HubEvent) => void (event.kind === 'broadcast.progress' && heardAt.push(Date.now())), onResync: () => {} });
    try {
      const rows = await db.broadcastRecipient.findMany({ where: { broadcastId: id } });
      const started = Date.now();
      let lastChangeStarted = 0;
      for (const row of rows) {
        lastChangeStarted = Date.now();
        await recordMessageStatus({ MessageSid: row.messageSid!, MessageStatus: 'delivered' });
      }
      const elapsed = Date.now() - started;
      // A screen re-reading on an announcement made after the last change sees every recipient delivered.
      await expect.poll(() => heardAt.some((at) => at >= lastChangeStarted)).toBe(true);
      // At most one announcement per interval (plus the first), not one per callback.
      expect(heardAt.length).toBeLessThanOrEqual(Math.ceil(elapsed / PROGRESS_EVERY_MS) + 1);
      expect(heardAt.length).toBeLessThan(rows.length);
    } finally {
      unsubscribe();
      await hub.close();
    }
  });
});
