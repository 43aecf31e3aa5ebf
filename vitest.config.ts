import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: the app (unit tests beside the code, integration tests on a real embedded
// database) and the emulator package (its own suite and config in emulator/).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Tests run server modules in plain Node, where the marker package would throw (it only
      // resolves to an empty module under React's server condition).
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
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
      // The emulator package's own configuration.
      'emulator',
    ],
  },
});
