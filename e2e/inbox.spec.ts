import { expect } from '@playwright/test';
import { SMS_NUMBER } from './fixtures/phone';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';
import { startSharedConversation } from './fixtures/conversations';

test('an inbound SMS reaches the available agent live, and the reply reaches the phone as delivered', async ({ browser, phone }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Ana Inbound' }), { available: true });
  const customer = phone();

  const { routing } = await customer.send(SMS_NUMBER, 'Where is my order?');
  const sid = routing.conversation_sid!;
  const row = conversationRow(agent.page, sid);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('conversation-preview')).toHaveText('Where is my order?');
  await expect(row.getByTestId('unread-count')).toHaveText('1');

  await row.click();
  const thread = agent.page.getByTestId('thread');
  await expect(thread.getByTestId('message-body')).toHaveText(['Where is my order?']);
  await thread.getByRole('textbox', { name: 'Message' }).fill('It ships today.');
  await thread.getByRole('textbox', { name: 'Message' }).press('Enter');

  expect(await customer.expectMessage('It ships today.', { from: SMS_NUMBER })).toMatchObject({ status: 'delivered' });
  const reply = thread.getByTestId('message').filter({ hasText: 'It ships today.' });
  await expect(reply.getByTestId('delivery-status')).toHaveAttribute('data-status', 'delivered');
  await expect(row.getByTestId('unread-count')).toHaveCount(0);
  await agent.close();
});

test('two agents in one conversation: unread counts, typing, "Seen by", and media dropped onto the thread', async ({ browser, phone }) => {
  const [ada, ben] = await Promise.all([createMember(browser, { name: 'Ada Pair' }), createMember(browser, { name: 'Ben Pair' })]);
  const a = await openInbox(browser, ada);
  const b = await openInbox(browser, ben);
  const customer = phone();
  const sid = await startSharedConversation({ customer: customer.address, agents: [ada.id, ben.id] });
  await expect(conversationRow(a.page, sid)).toBeVisible();
  await expect(conversationRow(b.page, sid)).toBeVisible();

  // Ada writes; Ben has not opened it: his count and tab title rise.
  await conversationRow(a.page, sid).click();
  const composer = a.page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Ben, can you check the invoice?');
  await composer.press('Enter');
  await expect(conversationRow(b.page, sid).getByTestId('unread-count')).toHaveText('1');
  await expect(b.page).toHaveTitle('(1) Switchboard');

  // Ben opens it: his count clears, and Ada sees that he read it.
  await conversationRow(b.page, sid).click();
  await expect(b.page.getByTestId('message-body').filter({ hasText: 'Ben, can you check the invoice?' })).toBeVisible();
  await expect(conversationRow(b.page, sid).getByTestId('unread-count')).toHaveCount(0);
  await expect(b.page).toHaveTitle('Switchboard');
  await expect(a.page.getByTestId('seen-by')).toHaveText('Seen by Ben Pair');

  // Typing reaches the other agent only.
  await b.page.getByRole('textbox', { name: 'Message' }).pressSequentially('On it', { delay: 20 });
  await expect(a.page.getByTestId('typing-indicator')).toHaveText('Ben Pair is typing…');
  await expect(b.page.getByTestId('typing-indicator')).toHaveText('');

  // Ada drops an image onto the thread: it reaches the phone and renders inline for Ben.
  await composer.fill('');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  const dataTransfer = await a.page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'receipt.png', { type: 'image/png' }));
    return transfer;
  }, [...png]);
  await a.page.getByTestId('thread').dispatchEvent('dragover', { dataTransfer });
  await a.page.getByTestId('thread').dispatchEvent('drop', { dataTransfer });
  await expect(a.page.getByRole('list', { name: 'Attachments' })).toContainText('receipt.png');
  await a.page.getByRole('button', { name: 'Send' }).click();

  const received = await customer.expectMessage((message) => message.media.some((media) => media.content_type === 'image/png'));
  expect(received.media[0]).toMatchObject({ content_type: 'image/png', size: png.length });
  const image = b.page.getByRole('img', { name: 'receipt.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(2);
  await a.close();
  await b.close();
});

test('a closed conversation refuses input, and markup in a message is shown as text', async ({ browser, phone }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Cy Closer' }), { available: true });
  const dialogs: string[] = [];
  agent.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  const payload = '<img src=x onerror=alert(1)>';
  const { routing } = await phone().send(SMS_NUMBER, payload);
  await conversationRow(agent.page, routing.conversation_sid!).click();
  await expect(agent.page.getByTestId('message-body')).toHaveText([payload]);
  await expect(agent.page.getByTestId('thread').locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  await agent.page.getByRole('button', { name: 'Close conversation' }).click();
  await agent.page.getByRole('dialog').getByRole('button', { name: 'Close conversation' }).click();
  await expect(agent.page.getByTestId('composer-disabled')).toContainText('This conversation is closed.');
  await expect(agent.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await agent.page.getByRole('tab', { name: 'Closed' }).click();
  await expect(conversationRow(agent.page, routing.conversation_sid!)).toBeVisible();
  await agent.close();
});

test('with short-lived tokens the session refreshes several times without a disconnect banner', async ({ browser, phone }) => {
  test.setTimeout(150_000);
  const agent = await openInbox(browser, await createMember(browser, { name: 'Dee Tokens' }), { available: true });
  // Record every time the connection banner appears, from now on.
  await agent.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { bannerSeen: string[] }).bannerSeen = seen;
    new MutationObserver(() => {
      const banner = document.querySelector('[data-testid="connection-banner"]');
      if (banner) seen.push(banner.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true });
  });
  // The token lives 30 s (playwright.config.ts); wait for three refreshes.
  let refreshes = 0;
  agent.page.on('response', (response) => {
    if (response.url().endsWith('/api/token') && response.ok()) refreshes++;
  });
  await expect.poll(() => refreshes, { timeout: 120_000, intervals: [1_000] }).toBeGreaterThanOrEqual(3);
  expect(await agent.page.evaluate(() => (window as unknown as { bannerSeen: string[] }).bannerSeen)).toEqual([]);

  // And the connection still carries messages.
  const { routing } = await phone().send(SMS_NUMBER, 'Still there?');
  await expect(conversationRow(agent.page, routing.conversation_sid!)).toBeVisible();
  await agent.close();
});

test('/api/token needs a session and only ever grants the caller’s own identity', async ({ browser, request }) => {
  expect((await request.get('/api/token')).status()).toBe(401);
  const member = await createMember(browser, { name: 'Eve Token' });
  const session = await openInbox(browser, member);
  const response = await session.page.request.get(`/api/token?identity=someone-else`, { headers: { 'x-identity': 'someone-else' } });
  expect(response.status()).toBe(200);
  const { token, identity } = (await response.json()) as { token: string; identity: string };
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { grants: { identity: string; chat: { service_sid: string } } };
  expect(identity).toBe(member.id);
  expect(claims.grants.identity).toBe(member.id);
  expect(claims.grants.chat.service_sid).toMatch(/^IS/);
  await session.close();
});

test('an emulator restart shows the reconnect banner, then recovers with no message lost or doubled', async ({ browser, emulator, phone }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Flo Restart' }), { available: true });
  const customer = phone();
  const { routing } = await customer.send(SMS_NUMBER, 'Before the outage');
  const sid = routing.conversation_sid!;
  await conversationRow(agent.page, sid).click();
  await expect(agent.page.getByTestId('message-body')).toHaveText(['Before the outage']);

  const restart = await fetch(`${emulator.url}/emulator/v1/Restart`, { method: 'POST' });
  expect(restart.status).toBe(202);
  await expect(agent.page.getByTestId('connection-banner')).toContainText('Reconnecting');
  // The customer writes as soon as the emulator answers again, while browsers are still reconnecting (their backoff is at least a second).
  await expect.poll(async () => (await fetch(`${emulator.url}/emulator/v1/Health`).catch(() => null))?.status, { timeout: 20_000 }).toBe(200);
  await customer.send(SMS_NUMBER, 'During the recovery');
  await expect(agent.page.getByTestId('connection-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(agent.page.getByTestId('message-body')).toHaveText(['Before the outage', 'During the recovery']);

  // Still live afterwards, and nothing shows twice.
  await customer.send(SMS_NUMBER, 'After the outage');
  await expect(agent.page.getByTestId('message-body')).toHaveText(['Before the outage', 'During the recovery', 'After the outage']);
  await agent.close();
});
