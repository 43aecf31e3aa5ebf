import { expect, test } from './sample-app-fixture';

// The sample app end to end: a customer's phone, Twilio (the emulator), the app's webhook and the
// agent's page in Chromium. Each test starts from an empty emulator.

test('a customer texts the number, the page shows it, and the reply reaches the phone as delivered', async ({ app, page, phone, webhooks }) => {
  await page.goto(app.url);
  await expect(page.getByRole('status')).toHaveText('Connected');

  const customer = phone('+15558675310');
  const { routing } = await customer.send(app.sms, 'Is my order on its way?');
  expect(routing.outcome).toBe('autocreated');

  // Twilio told the app about the new conversation, signed with the account's auth token.
  const added = await webhooks.expectRequest({ EventType: 'onConversationAdded', 'MessagingBinding.Address': customer.address });
  expect(added.params.ConversationSid).toBe(routing.conversation_sid);

  const conversation = page.getByRole('region', { name: `Conversation with ${customer.address}` });
  await expect(conversation.getByRole('listitem')).toHaveText(['Is my order on its way?']);
  await conversation.getByLabel('Reply').fill('Yes, it ships today.');
  await conversation.getByRole('button', { name: 'Send' }).click();

  const reply = await customer.expectMessage('Yes, it ships today.', { from: app.sms });
  expect(reply).toMatchObject({ channel: 'sms', status: 'delivered' });
  await expect(conversation.getByRole('listitem').last()).toHaveText('Yes, it ships today.Delivered');
});

test('WhatsApp: the customer reads the reply; a day later the window is closed and a free-form reply fails (63016)', async ({ app, page, phone, clock }) => {
  await page.goto(app.url);
  const customer = phone('whatsapp:+15558675311');
  await customer.send(app.whatsapp, 'Can I change my delivery address?');

  const conversation = page.getByRole('region', { name: `Conversation with ${customer.address}` });
  const messages = conversation.getByRole('listitem');
  await expect(messages).toHaveText(['Can I change my delivery address?']);
  await conversation.getByLabel('Reply').fill('Sure, send me the new one.');
  await conversation.getByRole('button', { name: 'Send' }).click();
  await customer.expectMessage('Sure, send me the new one.', { from: app.whatsapp });
  await expect(messages.nth(1)).toHaveText('Sure, send me the new one.Delivered');
  expect(await customer.read()).toBe(1);
  await expect(messages.nth(1)).toHaveText('Sure, send me the new one.Read');

  // 25 hours without a word from the customer: WhatsApp only takes templates now.
  await clock.advance('PT25H');
  await conversation.getByLabel('Reply').fill('Are you still there?');
  await conversation.getByRole('button', { name: 'Send' }).click();
  await expect(messages.nth(2)).toHaveText('Are you still there?Failed (63016)');
  const received = (await customer.messages()).filter((m) => m.direction === 'received').map((m) => m.body);
  expect(received).toEqual(['Sure, send me the new one.']);
});

test('a photo from the customer shows with its name; a reply to a phone off the network is undelivered (30003)', async ({ app, page, phone }) => {
  await page.goto(app.url);
  const customer = phone();
  const photo = { name: 'parcel.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64') };
  await customer.send(app.sms, 'This came damaged', { media: [photo] });
  const conversation = page.getByRole('region', { name: `Conversation with ${customer.address}` });
  await expect(conversation.getByRole('listitem')).toHaveText(['This came damaged[parcel.png]']);

  await customer.setReachable(false);
  await conversation.getByLabel('Reply').fill('Sorry! A new one is on its way.');
  await conversation.getByRole('button', { name: 'Send' }).click();
  await expect(conversation.getByRole('listitem').last()).toHaveText('Sorry! A new one is on its way.Undelivered (30003)');
  expect((await customer.messages()).map((m) => [m.direction, m.body])).toEqual([['sent', 'This came damaged']]);
});
