import { expect, type Page } from '@playwright/test';
import type { EmulatorClock } from 'conversations-emulator/playwright';
import { signInWithApi } from './fixtures/auth';
import { seriousViolations } from './fixtures/axe';
import { ensureAutocreation, uniqueCustomerNumber } from './fixtures/emulator';
import { FROM_APP } from './fixtures/ports';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

const WHATSAPP_NUMBER = 'whatsapp:+14155238886';
const FOLLOW_UP = 'Hi Maria, this is Wanda Window following up on your request. Reply to this message to continue the conversation.';

/**
 * The browser stands in for Twilio's clock (they agree outside the emulator): it starts at the
 * emulator's time and moves when the emulator's clock does, so the countdown is what Twilio applies.
 */
async function followEmulatorClock(page: Page, clock: EmulatorClock) {
  await page.clock.install({ time: await clock.now() });
  await page.reload();
}

test('outside the 24-hour window the agent sends an approved template with its variables; free-form is impossible', async ({ browser, phone, clock, emulator }) => {
  await ensureAutocreation(WHATSAPP_NUMBER);
  const agent = await openInbox(browser, await createMember(browser, { name: 'Wanda Window' }), { available: true });
  await followEmulatorClock(agent.page, clock);
  const customer = phone(`whatsapp:${uniqueCustomerNumber()}`);
  const { routing } = await customer.send(WHATSAPP_NUMBER, 'Is my parcel coming today?');
  await conversationRow(agent.page, routing.conversation_sid!).click();
  const thread = agent.page.getByTestId('thread');
  await expect(thread.getByTestId('whatsapp-window')).toHaveText(/Window closes in 2[34] h \d+ min/);
  await expect(thread.getByRole('textbox', { name: 'Message' })).toBeEnabled();

  // A day and an hour later (Twilio's clock, and the browser's with it) the window has closed.
  await clock.advance('PT25H');
  await agent.page.clock.fastForward('25:00:00');
  await expect(thread.getByTestId('whatsapp-window')).toHaveAttribute('data-open', 'false');
  await expect(thread.getByTestId('whatsapp-window')).toContainText('24-hour window has closed');
  await expect(thread.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await expect(thread.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  // Private notes are not messages to the customer: they still work.
  await thread.getByRole('tab', { name: 'Private note' }).click();
  await expect(thread.getByRole('textbox', { name: 'Note' })).toBeEnabled();
  await thread.getByRole('tab', { name: 'Reply' }).click();
  // A free-form message from someone else (here the system, over REST) fails; the owner sees why.
  await emulator.twilio.conversations.v1.conversations(routing.conversation_sid!).messages.create({ author: 'system', body: 'Your parcel is delayed.' });
  const failed = thread.getByTestId('message').filter({ hasText: 'Your parcel is delayed.' });
  await expect(failed.getByTestId('delivery-status')).toHaveText('Failed: WhatsApp’s 24-hour window has closed; send a template');

  await thread.getByRole('combobox', { name: 'Search approved templates' }).fill('follow');
  await thread.getByRole('option', { name: /conversation_follow_up/ }).click();
  await thread.getByLabel('Variable {{1}}').fill('Maria');
  await thread.getByLabel('Variable {{2}}').fill('Wanda Window');
  await expect(thread.getByRole('form', { name: 'Send template' }).getByTestId('template-body')).toHaveText(FOLLOW_UP);
  expect(await seriousViolations(agent.page)).toEqual([]);
  await thread.getByRole('button', { name: 'Send template' }).click();

  expect(await customer.expectMessage(FOLLOW_UP, { from: WHATSAPP_NUMBER })).toMatchObject({ status: 'delivered' });
  const sent = thread.getByTestId('message').filter({ has: agent.page.getByTestId('template-bubble') });
  await expect(sent.getByTestId('template-body')).toHaveText(FOLLOW_UP);
  await expect(sent.getByTestId('delivery-status')).toHaveAttribute('data-status', 'delivered');
  await agent.close();
});

test('a new outbound WhatsApp conversation starts with a template, and the customer’s reply opens free-form replies', async ({ browser, phone, clock }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Otto Outbound' }));
  await followEmulatorClock(agent.page, clock);
  const customer = phone(`whatsapp:${uniqueCustomerNumber()}`);

  await agent.page.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = agent.page.getByRole('dialog', { name: 'New conversation' });
  await dialog.getByLabel('WhatsApp').check();
  await expect(dialog.getByRole('status')).toContainText('start with an approved template');
  await dialog.getByLabel('Customer’s number').fill(customer.address.replace('whatsapp:', ''));
  await dialog.getByRole('button', { name: 'Start' }).click();

  const thread = agent.page.getByTestId('thread');
  await expect(thread.getByTestId('whatsapp-window')).toContainText('The customer has not written yet');
  await expect(thread.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await thread.getByRole('option', { name: /delivery_connected/ }).click();
  await thread.getByRole('button', { name: 'Send template' }).click();
  await customer.expectMessage(/You're now connected/, { from: WHATSAPP_NUMBER });

  await customer.send(WHATSAPP_NUMBER, 'Hello!');
  await expect(thread.getByTestId('whatsapp-window')).toHaveText(/Window closes in 2[34] h \d+ min/);
  // Inside the window a template is still one click away.
  await thread.getByRole('button', { name: 'Insert template' }).click();
  await expect(thread.getByRole('option', { name: /conversation_follow_up/ })).toBeVisible();
  await thread.getByRole('button', { name: 'Cancel' }).click();
  const composer = thread.getByRole('textbox', { name: 'Message' });
  await composer.fill('Thanks for answering.');
  await composer.press('Enter');
  expect(await customer.expectMessage('Thanks for answering.', { from: WHATSAPP_NUMBER })).toMatchObject({ status: 'delivered' });
  await agent.close();
});

test('a supervisor creates a template and submits it; agents can send it once WhatsApp approves', async ({ browser, emulator, clock, phone }) => {
  const supervisor = await openInbox(browser, await createMember(browser, { name: 'Sue Templates', role: 'SUPERVISOR' }), { path: '/supervisor/templates' });
  const page = supervisor.page;
  const name = `order_ready_${Date.now()}`;
  const form = page.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Type').selectOption('quick-reply');
  await form.getByLabel('Message').fill('Hi {{1}}, your order is ready. Will you collect it today?');
  await form.getByLabel('Button 1').fill('Yes');
  await form.getByLabel('Button 2').fill('Tomorrow');
  await form.getByLabel('Sample for {{1}}').fill('Sam');
  await expect(form.getByTestId('template-body')).toHaveText('Hi Sam, your order is ready. Will you collect it today?');
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Create template' }).click();

  const row = page.getByTestId('template-row').filter({ hasText: name });
  await expect(row.getByTestId('whatsapp-status')).toHaveAttribute('data-status', 'unsubmitted');
  await row.getByRole('button', { name: 'Submit to WhatsApp' }).click();
  await expect(row.getByTestId('whatsapp-status')).toHaveAttribute('data-status', 'received');

  // Not approved yet: agents are not offered it; nor may they create one.
  const al = await createMember(browser, { name: 'Al Approved' });
  const agentContext = await browser.newContext();
  await signInWithApi(agentContext.request, al.email, al.password);
  const offered = async () => ((await (await agentContext.request.get('/api/templates')).json()) as { templates: { friendlyName: string }[] }).templates.map((t) => t.friendlyName);
  expect(await offered()).not.toContain(name);
  const refused = await agentContext.request.post('/api/templates', {
    data: { friendlyName: 'agent_made', language: 'en', kind: 'text', body: 'Hello there.', variables: {} },
    headers: FROM_APP,
  });
  expect(refused.status()).toBe(403);

  // WhatsApp's review takes ten minutes on the emulator's clock.
  await clock.advance('PT10M');
  await page.getByRole('button', { name: 'Check review status' }).click();
  await expect(row.getByTestId('whatsapp-status')).toHaveAttribute('data-status', 'approved');
  expect(await offered()).toContain(name);
  const [content] = (await emulator.twilio.content.v1.contents.list()).filter((c) => c.friendlyName === name);
  expect(Object.keys(content?.types ?? {})).toContain('twilio/quick-reply');

  // Al sends it in a new WhatsApp conversation; the customer's phone shows it with its buttons.
  const customer = phone(`whatsapp:${uniqueCustomerNumber()}`);
  const started = await agentContext.request.post('/api/conversations', {
    data: { channel: 'whatsapp', customerNumber: customer.address.replace('whatsapp:', ''), from: WHATSAPP_NUMBER },
    headers: FROM_APP,
  });
  const { conversationSid } = (await started.json()) as { conversationSid: string };
  const sent = await agentContext.request.post(`/api/conversations/${conversationSid}/template-messages`, {
    data: { contentSid: content?.sid, contentVariables: { 1: 'Sam' } },
    headers: FROM_APP,
  });
  expect(sent.status()).toBe(201);
  await customer.expectMessage('Hi Sam, your order is ready. Will you collect it today?', { from: WHATSAPP_NUMBER });
  await page.goto('/phone');
  await page.getByLabel("Customer's number").fill(customer.address.replace('whatsapp:', ''));
  await page.getByLabel('Channel').selectOption('whatsapp');
  await page.getByRole('button', { name: 'Open phone' }).click();
  const bubble = page.getByTestId('phone-message').filter({ hasText: 'your order is ready' });
  await expect(bubble.getByTestId('phone-template-button')).toHaveText(['Yes', 'Tomorrow']);
  await agentContext.close();
  await supervisor.close();
});
