import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInWithApi } from './fixtures/auth';
import { type ForeignSite, startForeignSite } from './fixtures/foreign-site';
import { APP_ORIGIN, FROM_APP } from './fixtures/ports';

let site: ForeignSite;
test.beforeAll(async () => {
  site = await startForeignSite();
});
test.afterAll(async () => site.close());

const CANNED = `${APP_ORIGIN}/api/canned-responses`;
const cannedResponse = (shortcut: string) => ({ shortcut, title: 'Forged', body: 'Sent by another site' });

async function shortcuts(page: Page): Promise<string[]> {
  const { cannedResponses } = (await (await page.request.get('/api/canned-responses')).json()) as { cannedResponses: { shortcut: string }[] };
  return cannedResponses.map((response) => response.shortcut);
}

test('a text/plain form or script on another site, or on another port of this host, cannot write as the signed-in user', async ({ browser }) => {
  const context = await browser.newContext();
  await signInWithApi(context.request, DEMO.supervisor.email);
  const page = await context.newPage();

  for (const [where, origin] of [
    ['same-site', site.sameSite],
    ['cross-site', site.crossSite],
  ] as const) {
    const shortcut = `csrf-${where}-${Date.now()}`;
    // The auto-submitting form: a top-level POST navigation carrying the session cookie (same-site).
    const formAnswer = page.waitForResponse((response) => response.url() === CANNED && response.request().method() === 'POST');
    await page.goto(`${origin}/form?${new URLSearchParams({ action: CANNED, json: JSON.stringify(cannedResponse(shortcut)) })}`);
    expect((await formAnswer).request().headers()['content-type']).toBe('text/plain');
    expect((await formAnswer).status(), where).toBe(415);

    // A script there: a text/plain fetch goes out (no preflight) and is refused; a JSON one is
    // stopped by the browser, since the app grants no CORS.
    await page.goto(`${origin}/blank`);
    const scriptAnswer = page.waitForResponse((response) => response.url() === CANNED && response.request().method() === 'POST');
    const jsonFetch = await page.evaluate(
      async ({ url, body }) => {
        await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body });
        try {
          await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body });
          return 'sent';
        } catch {
          return 'blocked';
        }
      },
      { url: CANNED, body: JSON.stringify(cannedResponse(shortcut)) },
    );
    expect((await scriptAnswer).status(), where).toBe(415);
    expect(jsonFetch, where).toBe('blocked');
    expect(await shortcuts(page), where).not.toContain(shortcut);
  }

  // JSON that claims another origin is refused too (a client that is not a browser).
  const claimed = await page.request.post('/api/canned-responses', { data: cannedResponse(`csrf-claimed-${Date.now()}`), headers: { origin: site.sameSite } });
  expect(claimed.status()).toBe(403);
  expect(await claimed.json()).toEqual({ error: { code: 'forbidden', message: 'Cross-site requests are refused.' } });

  // The same request from the app's own page succeeds.
  await page.goto('/supervisor/canned-responses');
  const shortcut = `from-the-app-${Date.now()}`;
  const status = await page.evaluate(
    async (body) => (await fetch('/api/canned-responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status,
    JSON.stringify({ ...cannedResponse(shortcut), title: 'From the app' }),
  );
  expect(status).toBe(201);
  expect(await shortcuts(page)).toContain(shortcut);
  expect((await page.request.delete(`/api/canned-responses/${await idOf(page, shortcut)}`, { headers: { ...FROM_APP, 'content-type': 'application/json' } })).status()).toBe(204);
  await context.close();
});

async function idOf(page: Page, shortcut: string): Promise<string> {
  const { cannedResponses } = (await (await page.request.get('/api/canned-responses')).json()) as { cannedResponses: { id: string; shortcut: string }[] };
  return cannedResponses.find((response) => response.shortcut === shortcut)!.id;
}
