import { expect } from '@playwright/test';
import twilio from 'twilio';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { DEMO, signInWithApi } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { startSharedConversation } from './fixtures/conversations';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { E2E_PORT } from './fixtures/ports';
import { clearQueue, createMember, openInbox, test } from './fixtures/team';

// The app's webhook endpoint on the real server, fed by the emulator's signed webhooks.
const WEBHOOK_URL = `http://localhost:${E2E_PORT}/api/webhooks/twilio`;
type Overview = { conversations: { sid: string; assignee: { id: string } | null; lastMessagePreview: string | null }[] };

async function supervisorOverview(request: import('@playwright/test').APIRequestContext): Promise<Overview> {
  const response = await request.get('/api/supervisor/overview');
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Overview;
}

test('a forged or wrongly signed webhook is refused with 403 and changes nothing', async ({ request }) => {
  await signInWithApi(request, DEMO.supervisor.email);
  const params = {
    EventType: 'onMessageAdded',
    ConversationSid: `CH${'f'.repeat(32)}`,
    MessageSid: `IM${'f'.repeat(32)}`,
    Author: '+15550009999',
    Body: 'forged',
    DateCreated: new Date().toISOString(),
  };
  for (const signature of [twilio.getExpectedTwilioSignature('not-the-auth-token', WEBHOOK_URL, params), 'garbage', '']) {
    const response = await request.post('/api/webhooks/twilio', { form: params, headers: signature ? { 'x-twilio-signature': signature } : {} });
    expect(response.status()).toBe(403);
  }
  expect((await supervisorOverview(request)).conversations.map((c) => c.sid)).not.toContain(params.ConversationSid);
});

test('a replayed webhook (same idempotency token) is processed once', async ({ request }) => {
  await signInWithApi(request, DEMO.supervisor.email);
  const sid = await startSharedConversation({ customer: uniqueCustomerNumber(), agents: [] });
  const send = (body: string) => {
    const params = { EventType: 'onMessageAdded', ConversationSid: sid, MessageSid: `IM${'e'.repeat(32)}`, Author: '+15550008888', Body: body, DateCreated: new Date().toISOString() };
    return request.post('/api/webhooks/twilio', {
      form: params,
      headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(DEFAULT_CREDENTIALS.authToken, WEBHOOK_URL, params), 'i-twilio-idempotency-token': `token-${sid}` },
    });
  };
  expect((await send('first delivery')).status()).toBe(200);
  expect((await send('retried delivery')).status()).toBe(200);
  const row = (await supervisorOverview(request)).conversations.find((c) => c.sid === sid);
  expect(row?.lastMessagePreview).toBe('first delivery');
});

test('many customers texting at once: each conversation assigned exactly once, capacities respected', async ({ browser }) => {
  await clearQueue(browser);
  const [kim, lou] = await Promise.all([createMember(browser, { name: 'Kim Burst', capacity: 3 }), createMember(browser, { name: 'Lou Burst', capacity: 3 })]);
  const agents = [await openInbox(browser, kim, { available: true }), await openInbox(browser, lou, { available: true })];
  const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: `Burst ${i}` })));
  const sids = sent.map((message) => message.routing.conversation_sid!);

  const supervisor = await browser.newContext();
  await signInWithApi(supervisor.request, DEMO.supervisor.email);
  const settled = async () => {
    const rows = (await supervisorOverview(supervisor.request)).conversations.filter((c) => sids.includes(c.sid));
    return { total: rows.length, assigned: rows.filter((c) => c.assignee).length, byAgent: [kim.id, lou.id].map((id) => rows.filter((c) => c.assignee?.id === id).length) };
  };
  await expect.poll(settled).toEqual({ total: 8, assigned: 6, byAgent: [3, 3] });
  // Each assignment happened once: each agent's inbox shows exactly their three.
  for (const agent of agents) {
    await expect(agent.page.locator('[data-testid^="conversation-row-"]').filter({ hasText: 'Burst' })).toHaveCount(3);
  }
  await supervisor.close();
  for (const agent of agents) await agent.close();
});
