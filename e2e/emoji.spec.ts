import { expect } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { seriousViolations } from './fixtures/axe';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { expectPhoneReceives, SMS_NUMBER } from './fixtures/phone';
import { APP_ORIGIN, E2E_EMULATOR, FROM_APP } from './fixtures/ports';
import { openInbox, test } from './fixtures/team';

test('emoji go into a reply by :shortcode and from the picker, with the emoji data served by the app itself', async ({ browser }, info) => {
  const admin = await openInbox(browser, { id: '', email: DEMO.admin.email, password: DEMO.password, name: DEMO.admin.name, role: 'ADMIN' });
  const page = admin.page;
  // Everything the page loads comes from the app or its Twilio (here the emulator): no CDN.
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  const customer = uniqueCustomerNumber();
  const started = await page.request.post('/api/conversations', { data: { channel: 'sms', customerNumber: customer, from: SMS_NUMBER }, headers: FROM_APP });
  expect(started.status(), await started.text()).toBe(201);
  const { conversationSid } = (await started.json()) as { conversationSid: string };
  await page.goto(`/inbox/${conversationSid}`);
  const message = page.getByTestId('thread').getByRole('textbox', { name: 'Message' });

  // `:smi` offers :smile: first; Enter takes it (and does not send).
  await message.pressSequentially('Thanks :smi');
  const suggestions = page.getByRole('listbox', { name: 'Emoji' });
  await expect(suggestions.getByRole('option', { selected: true })).toHaveText('\u{1F604}:smile:');
  await message.press('Enter');
  await expect(message).toHaveValue('Thanks \u{1F604}');
  await expect(suggestions).toBeHidden();
  // Escape closes the suggestions and leaves the text as typed; a time is not a shortcode.
  await message.pressSequentially(' :tad');
  await expect(suggestions.getByRole('option', { selected: true })).toHaveText('\u{1F389}:tada:');
  await message.press('Escape');
  await expect(suggestions).toBeHidden();
  await message.fill('Thanks \u{1F604} at 10:30');
  await expect(suggestions).toBeHidden();

  // The picker: search, pick; the emoji goes in at the caret.
  const emojiData = page.waitForResponse(`${APP_ORIGIN}/emoji/en/data.json`);
  await page.getByRole('button', { name: 'Insert emoji' }).click();
  expect((await emojiData).ok()).toBe(true);
  const picker = page.getByRole('dialog', { name: 'Emoji picker' });
  await expect(picker.getByRole('gridcell', { name: 'Grinning face', exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath('emoji-picker.png') });
  await info.attach('emoji picker', { path: info.outputPath('emoji-picker.png'), contentType: 'image/png' });
  expect(await seriousViolations(page), 'the open picker').toEqual([]);
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
  await picker.getByRole('gridcell', { name: 'thumbs up' }).click();
  await expect(picker).toBeHidden();
  await expect(message).toHaveValue('Thanks \u{1F604} at 10:30\u{1F44D}\u{FE0F}');
  await expect(message).toBeFocused();
  await message.press('Enter');
  await expectPhoneReceives(customer, (received) => received.body === 'Thanks \u{1F604} at 10:30\u{1F44D}\u{FE0F}');

  expect([...origins].filter((origin) => origin !== APP_ORIGIN && origin !== new URL(E2E_EMULATOR.url).origin)).toEqual([]);
  await admin.close();
});
