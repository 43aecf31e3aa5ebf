import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { startConversation } from '@/lib/conversations/start-conversation';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';
import { db } from '@/lib/db/client';
import { createTemplate } from '@/lib/templates/create-template';
import { listTemplates } from '@/lib/templates/list-templates';
import { sendTemplate } from '@/lib/templates/send-template';
import { templateOf } from '@/lib/templates/template-of';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
const person = (id: string, role: CurrentUser['role'] = 'AGENT'): CurrentUser => ({ id, email: `${id}@example.com`, name: id, role, active: true, availability: 'AWAY', capacity: 5 });
beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  await db.user.createMany({ data: ['owner', 'other'].map((id) => ({ id, email: `${id}@example.com`, name: id, passwordHash: 'x' })) });
});
afterAll(async () => Promise.all([emulator.close(), database.close()]));

const FOLLOW_UP = 'HX00000000000000000000000000000003';

async function whatsappConversation(customerNumber: string) {
  const input = ZStartConversation.parse({ channel: 'whatsapp', customerNumber, from: 'whatsapp:+14155238886' });
  return (await startConversation({ agentId: 'owner', input })).conversationSid;
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('sending a template', () => {
  it('sends an approved template as the owner, with the rendering the customer sees kept on the message', async () => {
    const conversationSid = await whatsappConversation('+15558675320');
    const sent = await sendTemplate({ user: person('owner'), conversationSid, input: { contentSid: FOLLOW_UP, contentVariables: { 1: 'Maria' } } });
    const message = await getTwilioClient().conversations.v1.conversations(conversationSid).messages(sent.sid).fetch();
    expect(message).toMatchObject({ author: 'owner', contentSid: FOLLOW_UP });
    expect(templateOf(message.attributes)?.preview.body).toBe(
      'Hi Maria, this is our support team following up on your request. Reply to this message to continue the conversation.',
    );
  });

  it('refuses someone who may not write, a template WhatsApp has not approved, and unknown or missing variables', async () => {
    const conversationSid = await whatsappConversation('+15558675321');
    const send = (user: CurrentUser, contentSid: string, contentVariables: Record<string, string>) =>
      appErrorOf(sendTemplate({ user, conversationSid, input: { contentSid, contentVariables } }));
    expect((await send(person('other'), FOLLOW_UP, {})).code).toBe('forbidden');

    const draft = await createTemplate({ friendlyName: 'draft_offer', language: 'en', kind: 'text', body: 'Hello {{1}}, an offer for you.', variables: {} });
    expect((await listTemplates()).find((t) => t.sid === draft.sid)?.whatsapp.status).toBe('unsubmitted');
    expect((await send(person('owner'), draft.sid, { 1: 'Bo' })).message).toBe('This template is not approved for WhatsApp yet.');

    await getTwilioClient().content.v1.contents(draft.sid).approvalCreate.create({ name: 'draft_offer', category: 'MARKETING' });
    await fetch(`${emulator.url}/emulator/v1/Content/${draft.sid}/ApprovalRequests/whatsapp`, { method: 'POST', body: new URLSearchParams({ Status: 'approved' }) });
    expect((await send(person('owner'), draft.sid, {})).message).toBe('Fill in every variable (1).');
    expect((await send(person('owner'), draft.sid, { 1: 'Bo', 9: 'x' })).message).toBe('This template has no variable 9.');
    expect(await getTwilioClient().conversations.v1.conversations(conversationSid).messages.list()).toEqual([]);
  });
});
