import { expect } from '@playwright/test';
import twilio from 'twilio';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { DEMO, signInWithApi } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { checkScreen, VIEWPORTS } from './fixtures/layout';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { E2E_PORT, FROM_APP } from './fixtures/ports';
import { conversationRow, expectLive, test } from './fixtures/team';

// Each screen size is one sweep through the app in one signed-in browser: every screen is
// checked in light and in dark by switching the device's preference in place (checkScreen), so
// the cost is a page load per screen, not a sign-in per screen and theme.

const WEBHOOK_URL = `http://localhost:${E2E_PORT}/api/webhooks/twilio`;

for (const { name, viewport, isMobile } of VIEWPORTS) {
  test(`every screen fits a ${name} (${viewport.width}×${viewport.height}) in light and dark, with no serious accessibility findings`, async ({ browser }, info) => {
    // Sixteen screens, each scanned by axe twice, on a shared two-core machine.
    test.slow();
    const isPhone = viewport.width < 768;
    const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await checkScreen(page, info, 'sign in', { narrowest: isPhone });

    // The admin starts a conversation (it is theirs, so no routing race) and the customer answers.
    await signInWithApi(context.request, DEMO.admin.email);
    const customer = uniqueCustomerNumber();
    const started = await context.request.post('/api/conversations', {
      data: { channel: 'sms', customerNumber: customer, customerName: 'Lee Layout', from: SMS_NUMBER },
      headers: FROM_APP,
    });
    expect(started.status(), await started.text()).toBe(201);
    const { conversationSid: sid } = (await started.json()) as { conversationSid: string };
    await customerSends({ from: customer, to: SMS_NUMBER, body: 'Does this fit my phone?' });
    // A webhook the app cannot process: the supervisor console shows it under Needs attention.
    const malformed = { EventType: 'onDeliveryUpdated', ConversationSid: sid };
    const refused = await context.request.post('/api/webhooks/twilio', {
      form: malformed,
      headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(DEFAULT_CREDENTIALS.authToken, WEBHOOK_URL, malformed) },
    });
    expect(refused.status()).toBe(400);
    // A label, so the details show the labels editor beside the snooze controls.
    const labelName = `Layout ${Math.random().toString(36).slice(2, 8)}`;
    expect((await context.request.post('/api/labels', { data: { name: labelName, color: 'teal' }, headers: FROM_APP })).status()).toBe(201);

    // Inbox list → thread → reply → back.
    await page.goto('/inbox');
    await expectLive(page);
    await expect(conversationRow(page, sid)).toContainText('Does this fit my phone?');
    await checkScreen(page, info, 'inbox list', { narrowest: isPhone });

    await conversationRow(page, sid).click();
    await expect(page).toHaveURL(new RegExp(`/inbox/${sid}$`));
    const thread = page.getByTestId('thread');
    await expect(thread.getByTestId('message-body')).toHaveText(['Does this fit my phone?']);
    // Phones: the list and the thread are separate screens.
    await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible({ visible: !isPhone });
    await thread.getByRole('textbox', { name: 'Message' }).fill('It does.');
    await thread.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect(thread.getByTestId('message').filter({ hasText: 'It does.' })).toBeVisible();
    await checkScreen(page, info, 'thread', { narrowest: isPhone });

    if (viewport.width < 1024) {
      // Below desktop the details panel is a sheet: the Details button opens it, and so does a
      // shortcut for what is in it (s: snooze), with a keyboard on a tablet.
      const sheet = page.getByRole('dialog', { name: 'Conversation details' });
      if (isPhone) await page.getByRole('button', { name: 'Details' }).click();
      else {
        await page.keyboard.press('Escape');
        await page.keyboard.press('s');
        await expect(sheet.getByRole('button', { name: 'Snooze until they reply' })).toBeFocused();
      }
      await expect(sheet.getByRole('complementary', { name: 'Conversation details' })).toBeVisible();
      await expect(sheet.getByRole('checkbox', { name: labelName })).toBeVisible();
      await expect(sheet.getByRole('button', { name: 'Snooze until they reply' })).toBeVisible();
      await checkScreen(page, info, 'details sheet', { narrowest: isPhone, show: sheet.getByRole('button', { name: 'Snooze until they reply' }) });
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

    // The supervisor's and admin's screens.
    await page.goto('/supervisor');
    await expect(page.getByRole('heading', { name: 'Supervisor console' })).toBeVisible();
    await expect(page.getByTestId(`floor-conversation-${sid}`)).toContainText('Lee Layout');
    const attention = page.getByRole('region', { name: /Needs attention/ });
    await expect(attention).toContainText('onDeliveryUpdated');
    await checkScreen(page, info, 'supervisor console', { narrowest: isPhone, show: page.getByTestId(`floor-conversation-${sid}`) });
    await attention.getByRole('button', { name: 'Mark as seen' }).click();
    await expect(attention).toBeHidden();

    const screens = [
      { path: `/supervisor/conversations/${sid}`, name: 'monitored conversation', ready: page.getByTestId('message-body').first() },
      { path: '/reports', name: 'reports', ready: page.getByRole('table', { name: 'Agents' }), show: true },
      { path: '/reports/conversations', name: 'report conversations', ready: page.getByRole('table', { name: 'Conversations' }), show: true },
      { path: '/supervisor/surveys', name: 'CSAT surveys', ready: page.getByRole('form', { name: 'SMS survey' }) },
      { path: '/supervisor/canned-responses', name: 'canned responses', ready: page.getByRole('heading', { level: 1 }) },
      { path: '/supervisor/templates', name: 'message templates', ready: page.getByRole('heading', { level: 1, name: 'Message templates' }) },
      { path: '/supervisor/broadcasts', name: 'broadcasts', ready: page.getByRole('heading', { level: 1, name: 'Broadcasts' }) },
      { path: '/supervisor/labels', name: 'labels', ready: page.getByText(labelName).first(), show: true },
      { path: '/admin/users', name: 'team admin', ready: page.getByTestId(`team-member-${DEMO.admin.email}`), show: true },
      { path: '/admin/orchestration', name: 'orchestration', ready: page.getByRole('heading', { level: 1, name: 'Orchestration' }) },
    ];
    for (const screen of screens) {
      await page.goto(screen.path);
      await expect(screen.ready).toBeVisible();
      // The tables (cards on a phone) are further down: scrolled into view for the screenshot.
      await checkScreen(page, info, screen.name, { narrowest: isPhone, show: screen.show ? screen.ready : undefined });
    }
    await context.close();
  });
}
