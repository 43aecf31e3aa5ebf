import { expect } from '@playwright/test';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

// Every screen's axe scan, in light and dark, at three screen sizes: responsive.spec.ts.

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
