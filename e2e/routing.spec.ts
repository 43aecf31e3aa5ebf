import { expect } from '@playwright/test';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { clearQueue, conversationRow, createMember, openInbox, setAvailable, test } from './fixtures/team';

test.beforeEach(async ({ browser }) => clearQueue(browser));

test('a customer texting in goes live to the available, least-loaded agent and not to the other', async ({ browser }) => {
  const busy = await openInbox(browser, await createMember(browser, { name: 'Bea Busy' }), { available: true });
  const first = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'First customer' });
  await expect(conversationRow(busy.page, first.routing.conversation_sid!)).toBeVisible();

  const free = await openInbox(browser, await createMember(browser, { name: 'Fay Free' }), { available: true });
  const second = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Second customer' });
  await expect(conversationRow(free.page, second.routing.conversation_sid!)).toBeVisible();
  await expect(conversationRow(free.page, second.routing.conversation_sid!).getByTestId('conversation-preview')).toHaveText('Second customer');
  await expect(conversationRow(busy.page, second.routing.conversation_sid!)).toHaveCount(0);
  await busy.close();
  await free.close();
});

test('with everyone away a conversation waits in the queue, and goes to the first agent who becomes available', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Gil Later' }));
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Anyone there?' });
  expect(routing.outcome).toBe('autocreated');

  await agent.page.getByRole('tab', { name: /Queue/ }).click();
  await expect(agent.page.getByTestId(`queue-row-${routing.conversation_sid}`)).toContainText('Anyone there?');
  await agent.page.getByRole('tab', { name: 'Open' }).click();
  await expect(conversationRow(agent.page, routing.conversation_sid!)).toHaveCount(0);

  await setAvailable(agent.page, true);
  await expect(conversationRow(agent.page, routing.conversation_sid!)).toBeVisible();
  await agent.close();
});

test('an agent who is not the assignee reads the conversation but cannot write in it (UI and API)', async ({ browser }) => {
  const owner = await openInbox(browser, await createMember(browser, { name: 'Hal Owner' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'My question is private' });
  await expect(conversationRow(owner.page, routing.conversation_sid!)).toBeVisible();

  const other = await openInbox(browser, await createMember(browser, { name: 'Ivy Other' }), { path: `/inbox/${routing.conversation_sid}` });
  await expect(other.page.getByTestId('message-body')).toHaveText(['My question is private']);
  await expect(other.page.getByTestId('read-only-reason')).toHaveText('Assigned to Hal Owner. You can read it but not reply.');
  await expect(other.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  const attempt = await other.page.request.post(`/api/conversations/${routing.conversation_sid}/messages`, { data: { body: 'Let me answer' }, headers: FROM_APP });
  expect(attempt.status()).toBe(403);
  expect((await attempt.json()).error.code).toBe('forbidden');
  await owner.close();
  await other.close();
});

test('resolving a conversation frees capacity, and the oldest waiting conversation arrives', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Jo Single', capacity: 1 }), { available: true });
  const current = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'I was first' });
  await expect(conversationRow(agent.page, current.routing.conversation_sid!)).toBeVisible();
  const waiting = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'I am waiting' });
  await agent.page.getByRole('tab', { name: /Queue/ }).click();
  await expect(agent.page.getByTestId(`queue-row-${waiting.routing.conversation_sid}`)).toBeVisible();
  await agent.page.getByRole('tab', { name: 'Open' }).click();

  await conversationRow(agent.page, current.routing.conversation_sid!).click();
  await agent.page.getByRole('button', { name: 'Close conversation' }).click();
  await agent.page.getByRole('dialog').getByRole('button', { name: 'Close conversation' }).click();
  await expect(conversationRow(agent.page, waiting.routing.conversation_sid!)).toBeVisible();
  await expect(conversationRow(agent.page, waiting.routing.conversation_sid!).getByTestId('conversation-preview')).toHaveText('I am waiting');
  await agent.close();
});
