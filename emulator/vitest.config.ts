import { defineConfig } from 'vitest/config';

// The emulator's own suite: the real twilio helper and SDK against it, in Node and in Chromium.
export default defineConfig({
  test: {
    name: 'emulator',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
