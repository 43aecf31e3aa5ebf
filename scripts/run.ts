// `npm run dev` and `npm start`: one command brings up everything the app needs.
// Without DATABASE_URL it serves an embedded PostgreSQL (PGlite) on loopback, applies the
// migrations, seeds an empty database with the demo team, then runs Next in the foreground.
// Ctrl-C stops Next, then the database.
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded-server';
import { applyMigrations } from '@/lib/db/migrate';
import { resolveAuthSecret } from './runtime/auth-secret';
import { readRunConfig } from './runtime/config';
import { runNext } from './runtime/next-process';
import { printDemoLogins, seedIfEmpty } from './runtime/seed-if-empty';

process.env.NEXT_TELEMETRY_DISABLED = '1';

async function main(): Promise<number> {
  const config = readRunConfig(process.argv.slice(2), process.env);
  let embedded: EmbeddedDatabase | undefined;
  try {
    if (config.embeddedDatabase) {
      const dataDir = config.embeddedDatabase === 'memory' ? 'memory' : path.join(config.dataDir, 'pglite');
      embedded = await startEmbeddedDatabase({ dataDir });
    }
    const databaseUrl = embedded?.url ?? config.databaseUrl!;
    await applyMigrations(databaseUrl);
    const logins = await seedIfEmpty(databaseUrl, { randomPasswords: !embedded });
    if (logins) printDemoLogins(logins);

    const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${config.port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: resolveAuthSecret(process.env, config.dataDir, config.embeddedDatabase !== 'memory'),
    };
    console.log(`\n  Switchboard → ${appUrl}${embedded ? `   (embedded database ${config.embeddedDatabase})` : ''}\n`);
    return await runNext(config.mode, config.port, config.nextArgs, env);
  } finally {
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
