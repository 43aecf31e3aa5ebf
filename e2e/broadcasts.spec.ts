import { expect } from '@playwright/test';
import { seriousViolations } from './fixtures/axe';
import { emulatorClient } from './fixtures/emulator';
import { SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

test('an admin captures a number, a supervisor broadcasts from it, and a reply lands live in an agent’s inbox after the broadcast', async ({ browser, phone }) => {
  const [adminMember, supervisorMember, agentMember] = await Promise.all([
    createMember(browser, { name: 'Ola Orchestrator', role: 'ADMIN' }),
    createMember(browser, { name: 'Sia Sender', role: 'SUPERVISOR' }),
    createMember(browser, { name: 'Abe Answer' }),
  ]);
  const configurations = () => emulatorClient().conversations.v2.configurations;
  try {
    // The admin captures the number; Twilio applies the change asynchronously, the page follows it live.
    const admin = await openInbox(browser, adminMember, { path: '/admin/orchestration' });
    await admin.page.getByRole('button', { name: 'New configuration' }).click();
    const form = admin.page.getByRole('form', { name: 'New configuration' });
    await form.getByLabel('Name').fill('Spring campaign');
    await form.getByRole('checkbox', { name: SMS_NUMBER }).check();
    await expect(form.getByRole('checkbox', { name: /Bring captured conversations into the inbox/ })).toBeChecked();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await form.getByRole('button', { name: 'Create configuration' }).dblclick();
    await expect(admin.page.getByRole('status').filter({ hasText: 'Change applied.' })).toBeVisible();
    await expect(admin.page.getByRole('table', { name: 'Configurations' })).toContainText('Spring campaign');
    // A double click is one configuration (the same Idempotency-Key).
    expect((await configurations().list()).filter((c) => c.displayName === 'Spring campaign')).toHaveLength(1);
    await admin.close();

    // An agent is available before anyone replies.
    const agent = await openInbox(browser, agentMember, { available: true });

    // The supervisor broadcasts to three customers and watches it go out.
    const customers = [phone(), phone(), phone()];
    const supervisor = await openInbox(browser, supervisorMember, { path: '/supervisor/broadcasts' });
    const broadcast = supervisor.page.getByRole('form', { name: 'New broadcast' });
    await broadcast.getByLabel('Broadcast name').fill('Spring sale');
    await broadcast.getByLabel('Send from').selectOption(SMS_NUMBER);
    await broadcast.getByLabel('Message').fill('Spring sale: 20% off everything this week. Reply to ask us anything.');
    await broadcast.getByLabel('Recipients').fill(customers.map((c, i) => `${c.address},Customer ${i + 1}`).join('\n'));
    await broadcast.getByRole('button', { name: 'Send broadcast' }).click();
    const progress = supervisor.page.getByRole('region', { name: 'Broadcast Spring sale' });
    await expect(progress.getByRole('progressbar', { name: 'Sending' })).toHaveAttribute('aria-valuenow', '3');
    await expect(progress).toContainText('Sent to 3');
    for (const customer of customers) await customer.expectMessage((m) => m.body?.startsWith('Spring sale: 20% off') ?? false, { from: SMS_NUMBER });
    await expect(progress).toContainText('3 delivered');
    expect(await seriousViolations(supervisor.page)).toEqual([]);

    // One customer replies on their phone: it reaches the available agent live, after the broadcast.
    const [replying] = customers;
    const { routing } = await replying!.send(SMS_NUMBER, 'Does that include shoes?');
    const row = conversationRow(agent.page, routing.conversation_sid!);
    await expect(row).toBeVisible();
    await row.click();
    const thread = agent.page.getByTestId('thread');
    await expect(thread.getByTestId('message-body')).toHaveText(['Spring sale: 20% off everything this week. Reply to ask us anything.', 'Does that include shoes?']);
    await expect(agent.page.getByRole('heading', { name: 'Customer 1' })).toBeVisible();
    await expect(agent.page.getByText('replying to broadcast “Spring sale”')).toBeVisible();

    // The details panel shows the customer's timeline as Conversation Orchestrator grouped it.
    const timeline = agent.page.getByRole('complementary', { name: 'Conversation details' }).getByRole('region', { name: 'Customer timeline' });
    await expect(timeline).toContainText('Spring sale: 20% off');
    await expect(timeline).toContainText('Does that include shoes?');

    // The agent answers and the customer's phone receives it.
    await thread.getByRole('textbox', { name: 'Message' }).fill('Yes, shoes too!');
    await thread.getByRole('textbox', { name: 'Message' }).press('Enter');
    expect(await replying!.expectMessage('Yes, shoes too!', { from: SMS_NUMBER })).toMatchObject({ status: 'delivered' });
    // What the UI does not offer, the server refuses: agents cannot broadcast, supervisors cannot configure.
    expect((await agent.page.request.post('/api/broadcasts', { data: {}, headers: FROM_APP })).status()).toBe(403);
    expect((await supervisor.page.request.get('/api/admin/orchestration/configurations')).status()).toBe(403);
    await supervisor.close();
    await agent.close();
  } finally {
    // Later tests text this number expecting plain inbound autocreation.
    for (const c of await configurations().list()) await configurations()(c.id!).remove();
  }
});
