import { expect } from '@playwright/test';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, expectPhoneReceives, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

test('an agent works a conversation without the mouse: next, reply, note, help and the command palette', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Keys Only' }), { available: true });
  const page = agent.page;
  const customer = uniqueCustomerNumber();
  const { routing } = await customerSends({ from: customer, to: SMS_NUMBER, body: 'Anyone there?' });
  const sid = routing.conversation_sid!;
  await expect(conversationRow(page, sid)).toBeVisible();

  // j opens the next conversation (the first, when none is open).
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/inbox/${sid}$`));
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('message-body')).toHaveText(['Anyone there?']);

  // r: reply.
  await page.keyboard.press('r');
  await expect(thread.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.type('Yes, how can I help?');
  await page.keyboard.press('Enter');
  await expectPhoneReceives(customer, (message) => message.body === 'Yes, how can I help?');

  // Esc leaves the message box; n writes a private note.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(thread.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Asked twice before');
  await page.keyboard.press('Enter');
  await expect(thread.getByTestId('note').filter({ hasText: 'Asked twice before' })).toBeVisible();
  await page.keyboard.press('Escape');

  // ? lists every shortcut.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Next conversation');
  await expect(help).toContainText('Command palette');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The command palette finds a conversation by the customer's name.
  const started = await page.request.post('/api/conversations', {
    data: { channel: 'sms', customerNumber: uniqueCustomerNumber(), customerName: 'Priya Palette', from: SMS_NUMBER },
    headers: FROM_APP,
  });
  expect(started.status(), await started.text()).toBe(201);
  const { conversationSid } = (await started.json()) as { conversationSid: string };
  await expect(conversationRow(page, conversationSid)).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('priya');
  await expect(palette.getByRole('option', { name: /Priya Palette/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversationSid}$`));
  await expect(page.getByRole('heading', { name: 'Priya Palette' })).toBeVisible();

  // The newest conversation is at the top: j goes down to the first one, k back up.
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/inbox/${sid}$`));
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversationSid}$`));
  await agent.close();
});
