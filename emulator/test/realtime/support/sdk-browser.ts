import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

// Resolved like an import, so it is found whether the suite runs from the repository or the package.
const SDK_BUNDLE = createRequire(import.meta.url).resolve('@twilio/conversations/builds/twilio-conversations.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type SdkSite = { url: string; close(): Promise<void> };

/**
 * Serves `html` (which loads the SDK's browser bundle from `/sdk.js`) on its own port. The page is
 * reached at `localhost`, a different origin from the emulator's `127.0.0.1`, as the inbox is, so CORS
 * is exercised for real.
 */
export async function serveSdkPage(html: string): Promise<SdkSite> {
  const bundle = readFileSync(SDK_BUNDLE);
  const site = createServer((req, res) => {
    if (req.url === '/sdk.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(site.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}

/** Debian's Chromium (never a downloaded browser), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * For a describe block: serves `html` and launches Chromium once before its tests, and closes both
 * after. Read `browser` and `site` inside tests (they exist once the block has started).
 */
export function useSdkBrowser(html: string): { readonly browser: Browser; readonly site: SdkSite } {
  let site: SdkSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSdkPage(html);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use it inside a test');
      return browser;
    },
    get site() {
      if (!site) throw new Error('the SDK page is not served: use it inside a test');
      return site;
    },
  };
}
