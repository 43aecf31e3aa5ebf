// `npm run dev` and `npm start`: one command brings up everything the app needs.
// Without DATABASE_URL it serves an embedded PostgreSQL (PGlite) on loopback; without Twilio
// credentials it runs the Twilio Conversations emulator — a local demo: on loopback unless
// SWITCHBOARD_HOST says otherwise, with secrets of its own, and refused in a production start
// unless SWITCHBOARD_DEMO asks for it. It applies the migrations, seeds an empty database with
// the demo team, then runs Next in the foreground. Ctrl-C stops Next, then the emulator and the
// database.
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded-server';
import { applyMigrations } from '@/lib/db/migrate';
import { configureTwilio } from '@/lib/twilio/configure-twilio';
import { isLiveTwilio } from '@/lib/twilio/twilio-env';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import { preActionWebhookUrl, webhookUrl } from '@/lib/webhooks/webhook-url';
import { resolveAuthSecret } from './runtime/auth-secret';
import { readRunConfig } from './runtime/config';
import { assertDemoAllowed, demoListenHost, printDemoBanner } from './runtime/demo-mode';
import { resolveEmulatorSecrets } from './runtime/emulator-secrets';
import { type LocalEmulator, startLocalEmulator } from './runtime/local-emulator';
import { runNext } from './runtime/next-process';
import { printDemoLogins, seedIfEmpty } from './runtime/seed-if-empty';

process.env.NEXT_TELEMETRY_DISABLED = '1';

async function main(): Promise<number> {
  const config = readRunConfig(process.argv.slice(2), process.env);
  const isDemo = !isLiveTwilio(process.env);
  if (isDemo) assertDemoAllowed(config.mode, process.env);
  // A demo stays on loopback by default; a live deployment listens where Next does.
  const demo = isDemo ? demoListenHost(config.host) : null;
  const host = demo?.host ?? config.host;
  let embedded: EmbeddedDatabase | undefined;
  let emulator: LocalEmulator | undefined;
  try {
    if (config.embeddedDatabase) {
      const dataDir = config.embeddedDatabase === 'memory' ? 'memory' : path.join(config.dataDir, 'pglite');
      embedded = await startEmbeddedDatabase({ dataDir });
    }
    const databaseUrl = embedded?.url ?? config.databaseUrl!;
    if (embedded) process.env.DATABASE_POOL_SIZE = String(embedded.poolSize);
    await applyMigrations(databaseUrl);
    const logins = await seedIfEmpty(databaseUrl, { randomPasswords: !embedded });
    if (logins) printDemoLogins(logins);

    const throwaway = config.embeddedDatabase === 'memory';
    const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${config.port}`;
    // An emulator already running (EMULATOR_URL) is shared, e.g. by several app instances; its
    // secrets are the caller's to pass (EMULATOR_AUTH_TOKEN, EMULATOR_API_SECRET).
    const externalEmulator = demo ? process.env.EMULATOR_URL : undefined;
    if (demo) {
      if (!externalEmulator) {
        const secrets = resolveEmulatorSecrets(process.env, config.dataDir, !throwaway);
        // The emulator reads its credentials from here, and Next inherits them.
        process.env.EMULATOR_AUTH_TOKEN = secrets.authToken;
        process.env.EMULATOR_API_SECRET = secrets.apiSecret;
        emulator = await startLocalEmulator({ dataDir: config.dataDir, throwaway, host: demo.host, appOrigin: new URL(appUrl).origin });
        process.env.EMULATOR_URL = emulator.url;
      }
      // The emulator's webhooks reach this app, and customers texting its numbers start conversations.
      const urls = { ...process.env, NEXTAUTH_URL: appUrl };
      const numbers = emulator ? [...emulator.numbers] : listTwilioNumbers();
      await configureTwilio({ webhookUrl: webhookUrl(urls), preActionWebhookUrl: preActionWebhookUrl(urls), numbers });
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: resolveAuthSecret(process.env, config.dataDir, !throwaway),
    };
    console.log(`\n  Switchboard → ${appUrl}`);
    console.log(`  database    ${embedded ? `embedded (${throwaway ? 'in memory' : path.join(config.dataDir, 'pglite')})` : 'DATABASE_URL'}`);
    const twilioLine = emulator ? `emulator at ${emulator.url}` : externalEmulator ? `emulator at ${externalEmulator} (EMULATOR_URL)` : 'live (TWILIO_* credentials)';
    console.log(`  Twilio      ${twilioLine}\n`);
    if (demo) printDemoBanner({ ...demo, appUrl });
    return await runNext({ mode: config.mode, port: config.port, host, args: config.nextArgs, env });
  } finally {
    await emulator?.close();
    await embedded?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
