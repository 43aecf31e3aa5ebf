import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { conversationRow, createMember, openInbox, type TeamMember, test } from './fixtures/team';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

test('the main screens have no serious accessibility violations', async ({ browser, page }) => {
  await page.goto('/login');
  expect(await seriousViolations(page)).toEqual([]);

  const agent = await openInbox(browser, await createMember(browser, { name: 'Axe Agent' }), { available: true });
  const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Checking accessibility' });
  await conversationRow(agent.page, routing.conversation_sid!).click();
  await expect(agent.page.getByTestId('message-body')).toHaveText(['Checking accessibility']);
  expect(await seriousViolations(agent.page)).toEqual([]);
  await agent.close();

  const supervisor: TeamMember = { id: '', email: DEMO.supervisor.email, password: DEMO.password, name: DEMO.supervisor.name, role: 'SUPERVISOR' };
  const sam = await openInbox(browser, supervisor, { path: '/supervisor' });
  await expect(sam.page.getByRole('heading', { name: 'Supervisor console' })).toBeVisible();
  expect(await seriousViolations(sam.page)).toEqual([]);
  await sam.page.goto(`/supervisor/conversations/${routing.conversation_sid}`);
  await expect(sam.page.getByTestId('message-body')).toHaveText(['Checking accessibility']);
  expect(await seriousViolations(sam.page)).toEqual([]);
  await sam.close();

  const admin = await openInbox(browser, { id: '', email: DEMO.admin.email, password: DEMO.password, name: DEMO.admin.name, role: 'ADMIN' }, { path: '/admin/users' });
  expect(await seriousViolations(admin.page)).toEqual([]);
  await admin.close();
});

test('the conversation list works from the keyboard', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Kay Board' }), { available: true });
  const first = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Older' });
  await expect(conversationRow(agent.page, first.routing.conversation_sid!)).toBeVisible();
  const second = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Newer' });
  await expect(conversationRow(agent.page, second.routing.conversation_sid!)).toBeVisible();

  // Newest first: focus the first row, arrow down to the older one, Enter opens it.
  await conversationRow(agent.page, second.routing.conversation_sid!).focus();
  await agent.page.keyboard.press('ArrowDown');
  await expect(conversationRow(agent.page, first.routing.conversation_sid!)).toBeFocused();
  await agent.page.keyboard.press('Enter');
  await expect(agent.page).toHaveURL(new RegExp(`/inbox/${first.routing.conversation_sid}$`));
  await expect(agent.page.getByTestId('message-body')).toHaveText(['Older']);
  // Focus stays in the list: arrow back up and open the other one.
  await agent.page.keyboard.press('ArrowUp');
  await expect(conversationRow(agent.page, second.routing.conversation_sid!)).toBeFocused();
  await agent.page.keyboard.press('Enter');
  await expect(agent.page.getByTestId('message-body')).toHaveText(['Newer']);
  await agent.close();
});
