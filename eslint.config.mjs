import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  {
    ignores: [
      '.next/**',
      '.data/**',
      '**/.scratch/**',
      'lib/db/generated/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Playwright fixtures call their `use` callback, which the React rule takes for a hook; no React here.
    files: ['emulator/playwright/**/*.ts', 'examples/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  ...boundaries(),
];

/**
 * Import boundaries, enforced rather than hoped for:
 * - the app (and its tests and benchmarks) uses the emulator only through its package's public
 *   entries, never its internals;
 * - the emulator never imports the app;
 * - the emulator's domain (Twilio's rules) never imports an adapter (HTTP, realtime, carrier…);
 * - only lib/inbox talks to the Conversations SDK; components get plain records from it.
 */
function boundaries() {
  // Flat config: for one file, the last matching block's options win, so each block lists every
  // pattern that applies to its files.
  const emulatorInternals = {
    group: ['**/emulator/src/**', '**/emulator/test/**', '@/emulator/**', 'conversations-emulator/src/**'],
    message: "Use the emulator's public entry: 'conversations-emulator', '/client', '/control' or '/playwright'.",
  };
  const sdk = {
    name: '@twilio/conversations',
    message: 'Only lib/inbox talks to the Conversations SDK; use its controller and records.',
  };
  const appFromEmulator = {
    group: ['@/*', '**/lib/**', '**/components/**', '**/app/**'],
    message: 'The emulator is its own package: it never imports the app.',
  };
  const adaptersFromDomain = {
    group: ['../rest/**', '../realtime/**', '../carrier/**', '../media/**', '../webhooks/**', '../http/**', '../client/**', '../timers/**', 'node:http', 'ws'],
    message: "The domain holds Twilio's rules with no transport: adapters import the domain, never the reverse.",
  };
  const restrict = (options) => ({ 'no-restricted-imports': ['error', options] });
  return [
    { files: ['{tests,e2e,bench,scripts,prisma,examples}/**/*.ts', '*.ts', 'lib/inbox/**/*.{ts,tsx}'], rules: restrict({ patterns: [emulatorInternals] }) },
    { files: ['{app,components,lib}/**/*.{ts,tsx}'], ignores: ['lib/inbox/**'], rules: restrict({ paths: [sdk], patterns: [emulatorInternals] }) },
    { files: ['emulator/**/*.ts'], rules: restrict({ patterns: [appFromEmulator] }) },
    { files: ['emulator/src/domain/**/*.ts'], rules: restrict({ patterns: [appFromEmulator, adaptersFromDomain] }) },
  ];
}

export default config;
