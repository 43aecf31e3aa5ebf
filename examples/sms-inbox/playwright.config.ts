import { defineConfig, devices } from '@playwright/test';
import type { EmulatorKitOptions } from 'conversations-emulator/playwright';

/**
 * The sample app's end-to-end tests with the emulator kit: two workers, each with its own emulator
 * (the kit's default), its own sample app and its own browser. Debian's Chromium, as everywhere here.
 */
export default defineConfig<EmulatorKitOptions>({
  testDir: 'tests',
  outputDir: '../../test-results/examples-sms-inbox',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    emulatorOptions: { receiptDelays: { sentMs: 0, deliveredMs: 0 } },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
  ],
});
