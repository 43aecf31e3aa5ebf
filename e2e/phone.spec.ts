import { expect } from '@playwright/test';
import { uniquePhoneNumber } from 'conversations-emulator/playwright';
import { ensureAutocreation } from './fixtures/emulator';
import { test } from './fixtures/team';

const BUSINESS = '+15017122661';

test('a customer texts from the phone page, which autocreates a conversation, and sees the reply with its delivery status', async ({ page, emulator }) => {
  await ensureAutocreation(BUSINESS);
  const customer = uniquePhoneNumber();

  // No sign-in: the page is the customer's phone, not an agent screen.
  await page.goto('/phone');
  await expect(page.getByRole('heading', { name: 'Customer phone' })).toBeVisible();
  await page.getByLabel("Customer's number").fill(customer);
  await page.getByLabel('Channel').selectOption('sms');
  await page.getByRole('button', { name: 'Open phone' }).click();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await page.getByLabel('To (Twilio number)').selectOption(BUSINESS);
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi, my order has not arrived');
  await page.getByRole('button', { name: 'Send' }).click();

  const sent = page.getByTestId('phone-message').filter({ hasText: 'Hi, my order has not arrived' });
  await expect(sent).toHaveAttribute('data-direction', 'sent');
  await expect(sent.getByTestId('phone-message-status')).toHaveText('Delivered');
  await expect(page.getByRole('status').filter({ hasText: 'Twilio started a new conversation' })).toBeVisible();

  // Twilio created the conversation with the customer as an SMS participant behind the business number.
  const v1 = emulator.twilio.conversations.v1;
  const [joined] = await v1.participantConversations.list({ address: customer });
  expect(joined?.conversationSid).toMatch(/^CH/);
  const conversation = v1.conversations(joined?.conversationSid ?? '');
  const [first] = await conversation.messages.list({ limit: 1 });
  expect([first?.author, first?.body]).toEqual([customer, 'Hi, my order has not arrived']);

  // An agent's reply reaches the phone live, from the business number, with its delivery status.
  await conversation.messages.create({ author: 'agent', body: 'Sorry about that! It is on its way.' });
  const reply = page.getByTestId('phone-message').filter({ hasText: 'Sorry about that! It is on its way.' });
  await expect(reply).toHaveAttribute('data-direction', 'received');
  await expect(reply.getByTestId('phone-message-status')).toHaveText('Delivered');
  await expect(page.getByRole('list', { name: 'Threads on this phone' })).toContainText(BUSINESS);
});

test('a WhatsApp customer reads the reply, and the business sees it read', async ({ page, emulator }) => {
  const business = 'whatsapp:+14155238886';
  await ensureAutocreation(business);
  const customer = uniquePhoneNumber();
  await page.goto('/phone');
  await page.getByLabel("Customer's number").fill(customer);
  await page.getByLabel('Channel').selectOption('whatsapp');
  await page.getByRole('button', { name: 'Open phone' }).click();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello on WhatsApp');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('phone-message').filter({ hasText: 'Hello on WhatsApp' })).toHaveAttribute('data-status', 'delivered');
  // "Delivered" is the carrier's receipt; the conversation exists once Twilio says it started one.
  await expect(page.getByRole('status').filter({ hasText: 'Twilio started a new conversation' })).toBeVisible();

  const v1 = emulator.twilio.conversations.v1;
  const [joined] = await v1.participantConversations.list({ address: `whatsapp:${customer}` });
  const conversation = v1.conversations(joined?.conversationSid ?? '');
  const reply = await conversation.messages.create({ author: 'agent', body: 'Hi! Read me please.' });
  const bubble = page.getByTestId('phone-message').filter({ hasText: 'Hi! Read me please.' });
  await expect(bubble.getByTestId('phone-message-status')).toHaveText('Delivered');
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bubble.getByTestId('phone-message-status')).toHaveText('Read');
  await expect.poll(async () => (await conversation.messages(reply.sid).fetch()).delivery).toMatchObject({ read: 'all' });
});
