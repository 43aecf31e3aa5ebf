import { expect } from '@playwright/test';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { clearQueue, conversationRow, createMember, openInbox, test } from './fixtures/team';

test.beforeEach(async ({ browser }) => clearQueue(browser));

const unique = () => Math.random().toString(36).slice(2, 8);

test('after a reload, a phrase from an old message finds its conversation, highlighted; another agent does not find it, a supervisor does', async ({ browser }) => {
  const ada = await openInbox(browser, await createMember(browser, { name: 'Ada Searcher' }), { available: true });
  const word = `wombat${unique()}`;
  const phrase = `purple ${word} socks`;
  const customer = uniqueCustomerNumber();
  const { routing } = await customerSends({ from: customer, to: SMS_NUMBER, body: `Hi, my ${phrase} arrived torn at the heel.` });
  const sid = routing.conversation_sid!;
  await expect(conversationRow(ada.page, sid)).toBeVisible();
  await customerSends({ from: customer, to: SMS_NUMBER, body: 'Any news?' });
  await expect(conversationRow(ada.page, sid).getByTestId('conversation-preview')).toHaveText('Any news?');

  await ada.page.reload();
  await ada.page.getByRole('searchbox', { name: 'Search conversations' }).fill(phrase);
  const result = ada.page.getByTestId(`search-result-${sid}`);
  await expect(result.locator('mark')).toHaveText([phrase]);
  await expect(result.getByTestId('search-snippet')).toContainText(`${phrase} arrived torn`);
  await result.click();
  await expect(ada.page).toHaveURL(new RegExp(`/inbox/${sid}$`));

  const ben = await openInbox(browser, await createMember(browser, { name: 'Ben Elsewhere' }));
  // The server's answer, not the local filter's (Ben's list is empty either way).
  const answered = ben.page.waitForResponse((response) => response.url().includes('/api/search?') && response.url().includes(word));
  await ben.page.getByRole('searchbox', { name: 'Search conversations' }).fill(phrase);
  expect(((await (await answered).json()) as { results: unknown[] }).results).toEqual([]);
  await expect(ben.page.getByText('No conversations match.')).toBeVisible();
  expect(((await (await ben.page.request.get(`/api/search?q=${word}`)).json()) as { results: unknown[] }).results).toEqual([]);

  const sam = await openInbox(browser, await createMember(browser, { name: 'Sam Overseer', role: 'SUPERVISOR' }));
  await sam.page.getByRole('searchbox', { name: 'Search conversations' }).fill(word);
  await expect(sam.page.getByTestId(`search-result-${sid}`).locator('mark')).toHaveText([word]);
  await expect(sam.page.getByTestId(`search-result-${sid}`)).toContainText('Assigned to Ada Searcher');
});

test('labels: a supervisor’s label, applied by the agent, shows in the list and the console live, and filters the list', async ({ browser }) => {
  const sam = await openInbox(browser, await createMember(browser, { name: 'Sam Labeller', role: 'SUPERVISOR' }), { path: '/supervisor' });
  const name = `Billing ${unique()}`;
  const created = await sam.page.request.post('/api/labels', { data: { name, color: 'amber' }, headers: FROM_APP });
  expect(created.status()).toBe(201);

  const ada = await openInbox(browser, await createMember(browser, { name: 'Ada Labels' }), { available: true });
  // Agents apply labels; only supervisors make them.
  expect((await ada.page.request.post('/api/labels', { data: { name: `Mine ${unique()}`, color: 'red' }, headers: FROM_APP })).status()).toBe(403);
  const billed = (await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'I was charged twice' })).routing.conversation_sid!;
  const other = (await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Where is my parcel?' })).routing.conversation_sid!;
  await expect(conversationRow(ada.page, other)).toBeVisible();

  await conversationRow(ada.page, billed).click();
  await ada.page.getByRole('complementary', { name: 'Conversation details' }).getByRole('checkbox', { name }).check();
  await expect(conversationRow(ada.page, billed).getByTestId('label-chip')).toHaveText([name]);
  await expect(sam.page.getByTestId(`floor-conversation-${billed}`).getByTestId('label-chip')).toHaveText([name]);

  await ada.page.getByRole('combobox', { name: 'Filter by label' }).selectOption({ label: name });
  await expect(conversationRow(ada.page, billed)).toBeVisible();
  await expect(conversationRow(ada.page, other)).toHaveCount(0);
});

test('snoozed until the customer replies, a conversation leaves Open and comes back with a notice when they write', async ({ browser }) => {
  const ada = await openInbox(browser, await createMember(browser, { name: 'Ada Snoozer' }), { available: true });
  const customer = uniqueCustomerNumber();
  const sid = (await customerSends({ from: customer, to: SMS_NUMBER, body: 'I will check and get back to you' })).routing.conversation_sid!;
  await conversationRow(ada.page, sid).click();
  await ada.page.getByRole('button', { name: 'Snooze until they reply' }).click();
  await expect(conversationRow(ada.page, sid)).toHaveCount(0);
  await ada.page.getByRole('tab', { name: /Snoozed/ }).click();
  await expect(conversationRow(ada.page, sid).getByTestId('snoozed-until')).toHaveText(/until they reply/);

  await customerSends({ from: customer, to: SMS_NUMBER, body: 'Checked: it was the wrong size' });
  await expect(conversationRow(ada.page, sid)).toHaveCount(0);
  await ada.page.getByRole('tab', { name: /^Open/ }).click();
  await expect(conversationRow(ada.page, sid).getByTestId('snooze-notice')).toHaveText('Back from snooze: customer replied');
  await expect(conversationRow(ada.page, sid).getByTestId('conversation-preview')).toHaveText('Checked: it was the wrong size');
});
