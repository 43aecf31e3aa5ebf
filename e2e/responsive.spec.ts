import { expect, type Page } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { checkScreen, horizontalOverflow, VIEWPORTS } from './fixtures/layout';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

for (const { name, viewport, isMobile } of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every screen fits a ${name} (${viewport.width}×${viewport.height}, ${colorScheme}) with no serious accessibility findings`, async ({ browser }, info) => {
      // Seven axe scans with screenshots on a shared two-core machine.
      test.slow();
      const isPhone = viewport.width < 768;
      const agent = await openInbox(browser, await createMember(browser, { name: 'Lay Out' }), { available: true, colorScheme, viewport, isMobile });
      const { routing } = await customerSends({ from: uniqueCustomerNumber(), to: SMS_NUMBER, body: 'Does this fit my phone?' });
      const sid = routing.conversation_sid!;
      const page = agent.page;
      await expect(conversationRow(page, sid)).toBeVisible();
      await checkScreen(page, info, 'inbox list');

      await conversationRow(page, sid).click();
      await expect(page).toHaveURL(new RegExp(`/inbox/${sid}$`));
      const thread = page.getByTestId('thread');
      await expect(thread.getByTestId('message-body')).toHaveText(['Does this fit my phone?']);
      // Phones: the list and the thread are separate screens.
      await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible({ visible: !isPhone });
      await thread.getByRole('textbox', { name: 'Message' }).fill('It does.');
      await thread.getByRole('textbox', { name: 'Message' }).press('Enter');
      await expect(thread.getByTestId('message').filter({ hasText: 'It does.' })).toBeVisible();
      await checkScreen(page, info, 'thread');

      if (viewport.width < 1024) {
        // Below desktop the details panel is a sheet.
        await page.getByRole('button', { name: 'Details' }).click();
        const sheet = page.getByRole('dialog', { name: 'Conversation details' });
        await expect(sheet.getByRole('complementary', { name: 'Conversation details' })).toBeVisible();
        await checkScreen(page, info, 'details sheet');
        await sheet.getByRole('button', { name: 'Close details' }).click();
        await expect(sheet).toBeHidden();
      }
      if (isPhone) {
        await page.getByRole('link', { name: 'Conversations' }).click();
        await expect(page).toHaveURL(/\/inbox$/);
        await expect(conversationRow(page, sid)).toBeVisible();
        // The URL drives it: the browser's back button returns to the thread.
        await page.goBack();
        await expect(page).toHaveURL(new RegExp(`/inbox/${sid}$`));
        await expect(thread).toBeVisible();
      }
      await agent.close();

      const admin = await openInbox(browser, { id: '', email: DEMO.admin.email, password: DEMO.password, name: DEMO.admin.name, role: 'ADMIN' }, { path: '/supervisor', colorScheme, viewport, isMobile });
      await expect(admin.page.getByRole('heading', { name: 'Supervisor console' })).toBeVisible();
      await expect(admin.page.getByText('Lay Out').first()).toBeVisible();
      await checkScreen(admin.page, info, 'supervisor console');
      await admin.page.goto('/reports');
      await expect(admin.page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkScreen(admin.page, info, 'reports');
      await admin.page.goto('/admin/users');
      await expect(admin.page.getByTestId(`team-member-${DEMO.admin.email}`)).toBeVisible();
      await checkScreen(admin.page, info, 'team admin');
      await admin.close();
    });
  }
}

test('no page scrolls sideways at 360 px, and every control there is a 44 px touch target', async ({ browser }) => {
  test.slow();
  const viewport = { width: 360, height: 740 };
  const smallTargets = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('button, select, summary, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), [role=tab]'))
        .filter((element) => element.checkVisibility() && element.getBoundingClientRect().height < 44)
        .map((element) => element.getAttribute('aria-label') ?? (element.textContent?.trim() || element.outerHTML.slice(0, 80))),
    );
  const signedOut = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
  const login = await signedOut.newPage();
  await login.goto('/login');
  expect(await horizontalOverflow(login), '/login scrolls sideways').toBe(0);
  expect(await smallTargets(login), '/login touch targets').toEqual([]);
  await signedOut.close();

  const admin = await openInbox(browser, { id: '', email: DEMO.admin.email, password: DEMO.password, name: DEMO.admin.name, role: 'ADMIN' }, { viewport, isMobile: true });
  for (const path of ['/inbox', '/supervisor', '/reports', '/reports/conversations', '/supervisor/canned-responses', '/supervisor/surveys', '/admin/users']) {
    await admin.page.goto(path);
    await expect(admin.page.getByTestId('current-user-name')).toBeAttached();
    await expect(admin.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await horizontalOverflow(admin.page), `${path} scrolls sideways`).toBe(0);
    expect(await smallTargets(admin.page), `${path} touch targets`).toEqual([]);
  }
  await admin.close();
});
