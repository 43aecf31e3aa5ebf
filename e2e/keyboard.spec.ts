import { expect } from '@playwright/test';
import { DEMO, signInWithApi } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, expectPhoneReceives, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

test('an agent works a conversation without the mouse: next, reply, note, label, close, search, help and the command palette', async ({ browser }) => {
  // A supervisor's label for the agent to apply.
  const admin = await browser.newContext();
  await signInWithApi(admin.request, DEMO.admin.email);
  const labelName = `Keys ${Math.random().toString(36).slice(2, 8)}`;
  expect((await admin.request.post('/api/labels', { data: { name: labelName, color: 'violet' }, headers: FROM_APP })).status()).toBe(201);
  await admin.close();

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
  await expect(help).toContainText('Label the open conversation');
  await expect(help).toContainText('Close the open conversation');
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

  // / goes to the search box; Esc leaves it.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();

  // Back to the customer's conversation: l moves to the labels, Tab to this one, Space ticks it.
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/inbox/${sid}$`));
  const details = page.getByRole('complementary', { name: 'Conversation details' });
  await page.keyboard.press('l');
  const label = details.getByRole('checkbox', { name: labelName });
  await expect(details.getByRole('group', { name: 'Labels' }).getByRole('checkbox').first()).toBeFocused();
  // Other tests' labels may come first.
  for (let tabs = 0; tabs < 50 && !(await label.evaluate((element) => element === document.activeElement)); tabs++) await page.keyboard.press('Tab');
  await expect(label).toBeFocused();
  await page.keyboard.press('Space');
  await expect(label).toBeChecked();
  await expect(conversationRow(page, sid).getByTestId('label-chip')).toHaveText([labelName]);

  // The palette's actions reach the same controls: Snooze moves to the snooze buttons.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('snooze the open');
  await page.keyboard.press('Enter');
  await expect(details.getByRole('button', { name: 'Snooze until they reply' })).toBeFocused();

  // e asks before closing; Tab to the confirmation (Cancel has the focus), Enter.
  await page.keyboard.press('e');
  const confirm = page.getByRole('dialog', { name: 'Close this conversation?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(thread.getByTestId('composer-disabled')).toContainText('This conversation is closed.');
  await expect(details.getByRole('button', { name: 'Close conversation' })).toBeHidden();
  await agent.close();
});
