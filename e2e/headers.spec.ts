import { expect, test } from '@playwright/test';
import { DEMO, signInWithApi } from './fixtures/auth';
import { emulatorUrl } from './fixtures/emulator';
import { METRICS_TOKEN } from './fixtures/metrics';
import { SMS_NUMBER } from './fixtures/phone';
import { conversationRow, createMember, openInbox, test as inboxTest } from './fixtures/team';

const directives = (policy: string | undefined) => new Map((policy ?? '').split(';').map((part) => {
  const [name = '', ...values] = part.trim().split(/\s+/);
  return [name, values] as const;
}));

test('pages carry a nonce CSP that frames nothing, and the common headers', async ({ request }) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  const policy = directives(first.headers()['content-security-policy']);
  const nonce = policy.get('script-src')?.find((value) => value.startsWith("'nonce-"));
  expect(nonce).toBeTruthy();
  // A fresh nonce per response, and the page's scripts carry it.
  expect(second.headers()['content-security-policy']).not.toContain(nonce!);
  expect(await first.text()).toContain(`nonce="${nonce!.slice(7, -1)}"`);
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  // The SDK's WebSocket and requests, and media, reach the emulator.
  expect(policy.get('connect-src')).toEqual(expect.arrayContaining([emulatorUrl, emulatorUrl.replace('http', 'ws')]));
  expect(first.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' });
  // Plain http here: no HSTS.
  expect(first.headers()['strict-transport-security']).toBeUndefined();
});

test('the server keeps an idle connection open for over a minute, past the idle timeout of a proxy in front', async ({ request }) => {
  const keepAlive = (await request.get('/api/health')).headers()['keep-alive'];
  expect(Number(/timeout=(\d+)/.exec(keepAlive ?? '')?.[1])).toBeGreaterThan(60);
});

test('API answers carry the strictest policy and the common headers, errors included', async ({ request }) => {
  for (const response of [await request.get('/api/health'), await request.get('/api/team'), await request.post('/api/webhooks/twilio', { form: { EventType: 'x' } })]) {
    expect(response.headers()).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
  }
});

test('HSTS when served over https (a TLS proxy in front says so)', async ({ request }) => {
  const page = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(page.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  expect(page.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  expect((await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers()['strict-transport-security']).toBeDefined();
});

test('health reports the database and Twilio; metrics need an admin or the bearer token', async ({ request, browser }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'ok', twilio: 'ok' } });

  expect((await request.get('/api/metrics')).status()).toBe(401);
  expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status()).toBe(401);
  const scraped = await request.get('/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scraped.headers()['content-type']).toContain('text/plain');
  const text = await scraped.text();
  for (const name of ['switchboard_webhooks_total', 'switchboard_sign_in_failures_total', 'switchboard_sign_in_locks_total', 'switchboard_twilio_errors_total', 'switchboard_reconciler_repairs_total', 'switchboard_dead_letters_total']) {
    expect(text).toContain(`# TYPE ${name} counter`);
  }
  for (const [user, status] of [[DEMO.agent, 403], [DEMO.admin, 200]] as const) {
    const context = await browser.newContext();
    await signInWithApi(context.request, user.email);
    expect((await context.request.get('/api/metrics')).status()).toBe(status);
    await context.close();
  }
});

inboxTest('the inbox works under the CSP: live over the SDK, replies, and a customer’s photo', async ({ browser, phone }) => {
  // openInbox fails the test on anything the CSP blocked.
  const agent = await openInbox(browser, await createMember(browser, { name: 'Cole Policy' }), { available: true });
  const customer = phone();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  const { routing } = await customer.send(SMS_NUMBER, 'Here is the damage', { media: [{ name: 'photo.png', mimeType: 'image/png', buffer: png }] });
  const row = conversationRow(agent.page, routing.conversation_sid!);
  await expect(row).toBeVisible();
  await row.click();
  const image = agent.page.getByRole('img', { name: 'photo.png' });
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(2);
  const composer = agent.page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Sorry about that, a replacement is on its way.');
  await composer.press('Enter');
  await customer.expectMessage('Sorry about that, a replacement is on its way.', { from: SMS_NUMBER });
  await agent.close();
});
