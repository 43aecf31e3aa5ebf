import { test as base } from '@playwright/test';
import type { TokenOptions } from './access-token';
import { attachEmulator, launchEmulator, type AttachOptions, type EmulatorHandle, type LaunchOptions } from './emulator-handle';
import type { EmulatorClock } from './emulator-clock';
import { createPhone, uniquePhoneNumber, type Phone } from './phone';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** Options, set in `playwright.config.ts` (`use: { … }`) or with `test.use({ … })`. */
export type EmulatorKitOptions = {
  /**
   * Start an emulator per worker with these options (the default, `{}`), or attach to a running one:
   * `{ url, credentials }` (e.g. the emulator your app's test server embeds).
   */
  emulatorOptions: LaunchOptions | AttachOptions;
  /**
   * Empty the emulator before each test. Default: yes when the kit started it, no when attached
   * (an app that configured its emulator at start-up would lose that configuration).
   */
  resetEmulatorBeforeEachTest: boolean | undefined;
};

export type EmulatorWorkerFixtures = {
  emulatorOptions: EmulatorKitOptions['emulatorOptions'];
  /** This worker's emulator. */
  emulator: EmulatorHandle;
};

export type EmulatorTestFixtures = {
  resetEmulatorBeforeEachTest: EmulatorKitOptions['resetEmulatorBeforeEachTest'];
  /** A customer's phone on the simulated carrier; without an address, a fresh `+1555…` number. */
  phone: (address?: string) => Phone;
  clock: EmulatorClock;
  /** Mints a Conversations access token for `identity` (default service, one hour). */
  token: (identity: string, options?: TokenOptions) => Promise<string>;
  /** A local webhook endpoint that checks signatures and records what was sent; closed after the test. */
  webhooks: WebhookReceiver;
  _resetEmulator: void;
};

const isAttach = (options: LaunchOptions | AttachOptions): options is AttachOptions => 'url' in options;

/**
 * Playwright's `test` with the emulator's fixtures. Each worker gets its own emulator (or attaches to
 * the one given), so parallel workers never see each other's conversations, phones or clock.
 */
export const test = base.extend<EmulatorTestFixtures, EmulatorWorkerFixtures>({
  emulatorOptions: [{}, { option: true, scope: 'worker' }],
  emulator: [
    async ({ emulatorOptions }, use) => {
      if (isAttach(emulatorOptions)) {
        await use(await attachEmulator(emulatorOptions));
        return;
      }
      const { emulator, stop } = await launchEmulator(emulatorOptions);
      try {
        await use(emulator);
      } finally {
        await stop();
      }
    },
    { scope: 'worker', timeout: 60_000, title: 'emulator' },
  ],
  resetEmulatorBeforeEachTest: [undefined, { option: true }],
  _resetEmulator: [
    async ({ emulator, resetEmulatorBeforeEachTest }, use) => {
      if (resetEmulatorBeforeEachTest ?? emulator.isOwned) await emulator.reset();
      await use();
    },
    { auto: true, title: 'fresh emulator state' },
  ],
  phone: async ({ emulator }, use) => {
    // Ends the phones' pending waits with the test, so no event feed outlives it.
    const testOver = new AbortController();
    await use((address = uniquePhoneNumber()) => createPhone(emulator.url, address, testOver.signal));
    testOver.abort();
  },
  clock: async ({ emulator }, use) => use(emulator.clock),
  token: async ({ emulator }, use) => use((identity, options) => emulator.token(identity, options)),
  webhooks: async ({ emulator }, use) => {
    const receiver = await startWebhookReceiver({ authToken: emulator.credentials.authToken });
    await use(receiver);
    await receiver.close();
  },
});
