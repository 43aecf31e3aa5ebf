import { expect } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { seriousViolations } from './fixtures/axe';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { conversationRow, createMember, openInbox, type TeamMember, test } from './fixtures/team';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main screens have no serious accessibility violations (${colorScheme})`, async ({ browser }) => {
    // Four full axe scans: on a shared two-core machine under load that takes more than a minute.
    test.slow();
    const anonymous = await browser.newContext({ colorScheme });
    const page = await anonymous.newPage();
    await page.goto('/login');
    expect(await seriousViolations(page)).toEqual([]);
    await anonymous.close();

    const agent = await openInbox(browser, await createMember(browser, { name: 'Axe Agent' }), { available: true, colorScheme });
    const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Checking accessibility' });
    await conversationRow(agent.page, routing.conversation_sid!).click();
    await expect(agent.page.getByTestId('message-body')).toHaveText(['Checking accessibility']);
    expect(await seriousViolations(agent.page)).toEqual([]);
    await agent.close();

    const supervisor: TeamMember = { id: '', email: DEMO.supervisor.email, password: DEMO.password, name: DEMO.supervisor.name, role: 'SUPERVISOR' };
    const sam = await openInbox(browser, supervisor, { path: '/supervisor', colorScheme });
    await expect(sam.page.getByRole('heading', { name: 'Supervisor console' })).toBeVisible();
    expect(await seriousViolations(sam.page)).toEqual([]);
    await sam.page.goto(`/supervisor/conversations/${routing.conversation_sid}`);
    await expect(sam.page.getByTestId('message-body')).toHaveText(['Checking accessibility']);
    expect(await seriousViolations(sam.page)).toEqual([]);
    await sam.close();

    const admin = await openInbox(browser, { id: '', email: DEMO.admin.email, password: DEMO.password, name: DEMO.admin.name, role: 'ADMIN' }, { path: '/admin/users', colorScheme });
    expect(await seriousViolations(admin.page)).toEqual([]);
    await admin.close();
  });
}

test('the conversation list works from the keyboard', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Kay Board' }), { available: true });
  const first = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Older' });
  await expect(conversationRow(agent.page, first.routing.conversation_sid!)).toBeVisible();
  const second = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Newer' });
  await expect(conversationRow(agent.page, second.routing.conversation_sid!)).toBeVisible();

  // Down from the first row to the second, Enter opens it; focus stays in the list, and up goes back.
  const rowAt = (index: number) => agent.page.locator(`[data-row-index="${index}"]`);
  const [top, next] = [rowAt(0), rowAt(1)];
  const nextSid = (await next.getAttribute('data-testid'))!.replace('conversation-row-', '');
  const topSid = (await top.getAttribute('data-testid'))!.replace('conversation-row-', '');
  expect(new Set([topSid, nextSid])).toEqual(new Set([first.routing.conversation_sid, second.routing.conversation_sid]));
  await top.focus();
  await agent.page.keyboard.press('ArrowDown');
  await expect(next).toBeFocused();
  await agent.page.keyboard.press('Enter');
  await expect(agent.page).toHaveURL(new RegExp(`/inbox/${nextSid}$`));
  await expect(agent.page.getByTestId('thread')).toBeVisible();
  await agent.page.keyboard.press('ArrowUp');
  await expect(top).toBeFocused();
  await agent.page.keyboard.press('Enter');
  await expect(agent.page).toHaveURL(new RegExp(`/inbox/${topSid}$`));
  await agent.close();
});
