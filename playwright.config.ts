import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import type { EmulatorKitOptions } from 'conversations-emulator/playwright';
import { CHROMIUM_LAUNCH } from './e2e/fixtures/chromium';
import { METRICS_TOKEN } from './e2e/fixtures/metrics';
import { E2E_EMULATOR, E2E_EMULATOR_PORT, E2E_PORT } from './e2e/fixtures/ports';

const baseURL = `http://localhost:${E2E_PORT}`;

export default defineConfig<EmulatorKitOptions>({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One worker: routing is shared state (who is available, who has capacity), so tests that
  // text in would otherwise race each other for agents.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The emulator kit attaches to the server's embedded emulator; its state is the app's, so no resets.
  use: { baseURL, trace: 'retain-on-failure', launchOptions: CHROMIUM_LAUNCH, emulatorOptions: E2E_EMULATOR },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: CHROMIUM_LAUNCH } }],
  webServer: {
    // The production build on a fresh, throwaway embedded database.
    command: `npm run start -- -p ${E2E_PORT}`,
    url: `${baseURL}/login`,
    env: {
      SWITCHBOARD_DB: 'memory',
      EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      // Explicit emulator secrets (a demo would generate its own): the tests drive the emulator with them.
      EMULATOR_AUTH_TOKEN: DEFAULT_CREDENTIALS.authToken,
      EMULATOR_API_SECRET: DEFAULT_CREDENTIALS.apiSecret,
      METRICS_TOKEN,
      // Short-lived Conversations tokens: every browser in the run refreshes its token several
      // times, so a refresh that drops the connection would show up anywhere.
      TWILIO_TOKEN_TTL_SECONDS: '30',
      // Delivery receipts a little faster than a carrier's, but still further apart than the SDK's
      // 500 ms cache of API answers, so the inbox sees every step as it would against Twilio.
      EMULATOR_SENT_DELAY_MS: '600',
      EMULATOR_DELIVERED_DELAY_MS: '600',
      // A state file (fresh per run) lets a test restart the emulator and see nothing lost.
      EMULATOR_STATE: path.join(os.tmpdir(), `switchboard-e2e-${process.pid}`, 'emulator.json'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
