import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { AppError } from '@/lib/api/app-error';
import { readSwitchboardAttributes } from '@/lib/conversations/conversation-attributes';
import { startConversation } from '@/lib/conversations/start-conversation';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { db } from '@/lib/db/client';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  await db.user.createMany({
    data: ['agent-a', 'agent-b', 'a'].map((id) => ({ id, email: `${id}@example.com`, name: id, passwordHash: 'x' })),
  });
});
afterAll(async () => Promise.all([emulator.close(), database.close()]));

const [sms, , whatsapp] = ['+15017122661', '+15017122662', 'whatsapp:+14155238886'];
const input = (patch: Record<string, unknown>) =>
  ZStartConversation.parse({ channel: 'sms', customerNumber: '+1 555 867 5310', from: sms, ...patch });

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('starting a conversation', () => {
  it('creates it with the customer (address + proxy address) and the agent, and the customer in attributes', async () => {
    const { conversationSid } = await startConversation({ agentId: 'agent-a', input: input({ customerName: 'Dana' }) });
    const conversation = getTwilioClient().conversations.v1.conversations(conversationSid);
    const participants = await conversation.participants.list();
    expect(participants.map((p) => p.identity ?? p.messagingBinding)).toEqual(
      expect.arrayContaining(['agent-a', expect.objectContaining({ address: '+15558675310', proxy_address: sms })]),
    );
    const fetched = await conversation.fetch();
    expect(fetched.friendlyName).toBe('Dana');
    expect(readSwitchboardAttributes(JSON.parse(fetched.attributes))).toEqual({
      channel: 'sms',
      customer: { address: '+15558675310', name: 'Dana' },
      twilioNumber: sms,
    });
    // It is the agent's from the start: indexed, assigned, with the history saying why.
    expect(await db.conversationIndex.findUnique({ where: { sid: conversationSid } })).toMatchObject({
      channel: 'SMS',
      customerAddress: '+15558675310',
      customerName: 'Dana',
      twilioNumber: sms,
      assigneeId: 'agent-a',
      queuedAt: null,
    });
    expect(await db.assignment.findMany({ where: { conversationSid } })).toEqual([
      expect.objectContaining({ toUserId: 'agent-a', actorId: 'agent-a', reason: 'STARTED' }),
    ]);
  });

  it('refuses a second open conversation with the same customer and number, pointing at the first', async () => {
    const first = await startConversation({ agentId: 'agent-a', input: input({ customerNumber: '+15550001111' }) });
    const before = (await getTwilioClient().conversations.v1.conversations.list()).length;

    const mine = await appErrorOf(startConversation({ agentId: 'agent-a', input: input({ customerNumber: '+15550001111' }) }));
    expect(mine.code).toBe('conflict');
    expect(mine.message).toBe('+15550001111 already has an open conversation on +15017122661.');
    expect(mine.details).toEqual({ conversationSid: first.conversationSid, isParticipant: true });

    const theirs = await appErrorOf(startConversation({ agentId: 'agent-b', input: input({ customerNumber: '+15550001111' }) }));
    expect(theirs.details).toEqual({ conversationSid: first.conversationSid, isParticipant: false });
    expect((await getTwilioClient().conversations.v1.conversations.list()).length).toBe(before);
  });

  it('starts WhatsApp conversations from the WhatsApp sender only', async () => {
    const { conversationSid } = await startConversation({ agentId: 'agent-a', input: input({ channel: 'whatsapp', from: whatsapp }) });
    const participants = await getTwilioClient().conversations.v1.conversations(conversationSid).participants.list();
    expect(participants.find((p) => p.messagingBinding)?.messagingBinding).toMatchObject({ address: 'whatsapp:+15558675310', proxy_address: whatsapp });

    expect((await appErrorOf(startConversation({ agentId: 'a', input: input({ channel: 'whatsapp', from: sms }) }))).message).toBe('WhatsApp needs a WhatsApp sender.');
    expect((await appErrorOf(startConversation({ agentId: 'a', input: input({ from: whatsapp }) }))).message).toBe('SMS needs a phone number, not a WhatsApp sender.');
    expect((await appErrorOf(startConversation({ agentId: 'a', input: input({ from: '+15559999999' }) }))).message).toBe('Choose one of the account’s numbers.');
  });

  it('validates the customer number at the boundary', () => {
    const result = ZStartConversation.safeParse({ channel: 'sms', customerNumber: '555-1234', from: sms });
    expect(result.error?.issues[0]?.message).toBe('Enter the number in international format, like +1 555 867 5310.');
  });
});
