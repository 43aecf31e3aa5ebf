import { expect } from '@playwright/test';
import { signInWithApi } from './fixtures/auth';
import { uniqueCustomerNumber } from './fixtures/emulator';
import { customerSends, SMS_NUMBER } from './fixtures/phone';
import { FROM_APP } from './fixtures/ports';
import { conversationRow, createMember, openInbox, test } from './fixtures/team';

type Manifest = { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };

/** A PNG's width and height, from its header. */
const pngSize = (png: Buffer) => `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;

test('the inbox is installable: its manifest and icons are served to anyone, and pages name it with a title bar colour per theme', async ({ request, browser }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({ name: 'Switchboard', start_url: '/inbox', display: 'standalone' });
  // What Chromium asks of an installable app: a 192 and a 512 px icon; plus a maskable one.
  expect(manifest.icons.filter((icon) => icon.type === 'image/png').map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type']).toContain(icon.type);
    if (icon.type === 'image/png') expect(pngSize(await image.body())).toBe(icon.sizes);
  }

  // Signed out, the device's preference picks the title bar's colour; a person's theme decides once chosen.
  const context = await browser.newContext();
  const page = await context.newPage();
  const themeColors = () => page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((meta) => `${meta.getAttribute('media') ?? 'all'} ${meta.getAttribute('content')}`));
  await page.goto('/login');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  expect(await themeColors()).toEqual(['(prefers-color-scheme: light) #ffffff', '(prefers-color-scheme: dark) #0f172a']);
  const member = await createMember(browser, { name: 'Pia Pinned' });
  await signInWithApi(context.request, member.email, member.password);
  expect((await context.request.put('/api/me/theme', { data: { theme: 'DARK' }, headers: FROM_APP })).status()).toBe(200);
  await page.goto('/inbox');
  await expect(page.getByTestId('current-user-name')).toHaveText(member.name);
  expect(await themeColors()).toEqual(['all #0f172a']);
  await context.close();
});

test('a message that arrives while the inbox is in the background raises a notification with the app’s icon', async ({ browser }) => {
  const agent = await openInbox(browser, await createMember(browser, { name: 'Noa Notify' }), { available: true });
  const page = agent.page;
  await agent.context.grantPermissions(['notifications']);
  // The tab goes to the background, and the page's notifications are recorded.
  await page.evaluate(() => {
    const shown: { title: string; options?: NotificationOptions }[] = [];
    Object.assign(window, { shownNotifications: shown });
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    window.Notification = class extends window.Notification {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, options });
      }
    };
  });
  const customer = uniqueCustomerNumber();
  const { routing } = await customerSends({ from: customer, to: SMS_NUMBER, body: 'Hello?' });
  await expect(conversationRow(page, routing.conversation_sid!)).toBeVisible();
  await customerSends({ from: customer, to: SMS_NUMBER, body: 'Are you open on Sunday?' });
  const shown = () =>
    page.evaluate(() =>
      (window as unknown as { shownNotifications: { options?: NotificationOptions }[] }).shownNotifications.map(({ options }) => ({ body: options?.body, icon: options?.icon })),
    );
  await expect.poll(shown).toContainEqual({ body: 'Are you open on Sunday?', icon: '/icons/icon-192.png' });
  await agent.close();
});
