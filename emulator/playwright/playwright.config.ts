import { defineConfig } from '@playwright/test';
import type { EmulatorKitOptions } from './index';

/** The kit's own tests (no browser): each worker starts its own emulator, as users' workers do. */
export default defineConfig<EmulatorKitOptions>({
  testDir: 'test',
  outputDir: '../../test-results/emulator-playwright-kit',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
});
