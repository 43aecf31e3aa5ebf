import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium, never a downloaded browser (this machine, and firewalled users, cannot
// fetch one). The flags keep it from calling home, which a closed network refuses.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};

export default defineConfig({
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
  use: { baseURL, trace: 'retain-on-failure', launchOptions: chromium },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
  webServer: {
    // The production build on a fresh, throwaway embedded database.
    command: `npm run start -- -p ${PORT}`,
    url: `${baseURL}/login`,
    env: {
      SWITCHBOARD_DB: 'memory',
      EMULATOR_PORT: process.env.E2E_EMULATOR_PORT ?? '4610',
      // Short-lived Conversations tokens: every browser in the run refreshes its token several
      // times, so a refresh that drops the connection would show up anywhere.
      TWILIO_TOKEN_TTL_SECONDS: '30',
      // A state file (fresh per run) lets a test restart the emulator and see nothing lost.
      EMULATOR_STATE: path.join(os.tmpdir(), `switchboard-e2e-${process.pid}`, 'emulator.json'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
