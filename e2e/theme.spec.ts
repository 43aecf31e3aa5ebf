import { expect } from '@playwright/test';
import { signInWithForm } from './fixtures/auth';
import { FROM_APP } from './fixtures/ports';
import { createMember, openInbox, test } from './fixtures/team';
import { isDark, pageBackgroundLuminance } from './fixtures/theme';

test('the app follows the device’s light or dark preference until the person picks a theme', async ({ browser }) => {
  const member = await createMember(browser, { name: 'Nia Night' });
  const dark = await openInbox(browser, member, { colorScheme: 'dark' });
  await expect(dark.page.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(isDark(await pageBackgroundLuminance(dark.page))).toBe(true);
  const light = await openInbox(browser, member, { colorScheme: 'light' });
  expect(isDark(await pageBackgroundLuminance(light.page))).toBe(false);

  // Choosing Dark on the light device applies at once, and is remembered across reloads.
  await light.page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(light.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(isDark(await pageBackgroundLuminance(light.page))).toBe(true);
  await light.page.reload();
  await expect(light.page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(isDark(await pageBackgroundLuminance(light.page))).toBe(true);

  // Light on the dark device: the choice is the person's, so it follows them to every device.
  await dark.page.getByRole('button', { name: 'Light theme' }).click();
  await expect(dark.page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(isDark(await pageBackgroundLuminance(dark.page))).toBe(false);
  await light.page.reload();
  expect(isDark(await pageBackgroundLuminance(light.page))).toBe(false);
  await light.close();
  await dark.close();
});

test('a theme picked before signing out is there on the next sign-in, and the login page follows the device', async ({ browser }) => {
  const member = await createMember(browser, { name: 'Leo Lumen' });
  const first = await openInbox(browser, member, { colorScheme: 'light' });
  await first.page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(first.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await first.page.request.get('/inbox')).text()).toContain('data-theme="dark"');
  await first.close();

  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/login');
  expect(isDark(await pageBackgroundLuminance(page))).toBe(false);
  await signInWithForm(page, member.email, member.password);
  await expect(page).toHaveURL(/\/inbox$/);
  expect(isDark(await pageBackgroundLuminance(page))).toBe(true);
  await context.close();
});

test('the theme only takes System, Light or Dark', async ({ browser }) => {
  const member = await createMember(browser, { name: 'Val Idate' });
  const session = await openInbox(browser, member);
  const response = await session.page.request.put('/api/me/theme', { data: { theme: 'SEPIA' }, headers: FROM_APP });
  expect(response.status()).toBe(422);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain('Choose System, Light or Dark.');
  await session.close();
});
