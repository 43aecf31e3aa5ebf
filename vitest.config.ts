import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: the app (unit tests beside the code, integration tests on a real embedded
// database) and the emulator (its own suite, driving it with the real twilio helper and SDK).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['{lib,app,components,prisma,scripts}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'emulator',
          include: ['emulator/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
