import { connect } from 'node:net';
import os from 'node:os';
import { expect, test } from '@playwright/test';
import { emulatorUrl, uniqueCustomerNumber } from './fixtures/emulator';
import { type ForeignSite, startForeignSite } from './fixtures/foreign-site';
import { phoneMessages, SMS_NUMBER } from './fixtures/phone';
import { APP_ORIGIN, E2E_EMULATOR_PORT, E2E_PORT } from './fixtures/ports';

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('without SWITCHBOARD_HOST the demo’s app and emulator listen on loopback only', async () => {
  // This machine's addresses other machines would use.
  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal)
    .map((address) => address!.address);
  expect(external.length, 'a network address to probe').toBeGreaterThan(0);
  for (const port of [E2E_PORT, E2E_EMULATOR_PORT]) {
    expect(await accepts('127.0.0.1', port)).toBe(true);
    for (const address of external) expect(await accepts(address, port), `${address}:${port}`).toBe(false);
  }
});

test.describe('the emulator’s control API', () => {
  let site: ForeignSite;
  test.beforeAll(async () => {
    site = await startForeignSite();
  });
  test.afterAll(async () => site.close());

  test('refuses a page on a foreign origin: it can neither text as a customer nor read a phone', async ({ page }) => {
    const customer = uniqueCustomerNumber();
    await page.goto(`${site.sameSite}/blank`);
    const outcome = await page.evaluate(
      async ({ base, from, to }) => {
        const tried = async (request: Promise<Response>) => request.then((r) => `read ${r.status}`, () => 'blocked');
        // A simple form POST: the browser sends it without asking first.
        const send = await tried(fetch(`${base}/emulator/v1/Carrier/Messages`, { method: 'POST', body: new URLSearchParams({ From: from, To: to, Body: 'forged from another site' }) }));
        const read = await tried(fetch(`${base}/emulator/v1/Carrier/Phones/${encodeURIComponent(from)}/Messages`));
        return { send, read };
      },
      { base: emulatorUrl, from: customer, to: SMS_NUMBER },
    );
    expect(outcome).toEqual({ send: 'blocked', read: 'blocked' });
    // Refused by the emulator, not only hidden by the browser: the text was never sent.
    expect(await phoneMessages(customer)).toEqual([]);
    const phone = `${emulatorUrl}/emulator/v1/Carrier/Phones/${encodeURIComponent(customer)}/Messages`;
    expect((await fetch(phone, { headers: { origin: site.sameSite } })).status).toBe(403);
    // The app's own origin (its customer-phone page) is served.
    const fromApp = await fetch(phone, { headers: { origin: APP_ORIGIN } });
    expect(fromApp.status).toBe(200);
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});
