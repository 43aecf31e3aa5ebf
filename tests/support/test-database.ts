import { startEmbeddedDatabase } from '@/lib/db/embedded-server';
import { applyMigrations } from '@/lib/db/migrate';
import { startPostgresServer } from './postgres-server';

type TestDatabase = { url: string; close(): Promise<void> };

/**
 * Migrates a fresh database and wires it as the process's DATABASE_URL (the app's `db` client
 * reads it on first use). The pool size is set every time: test files share worker processes,
 * so a previous file's value would otherwise leak in.
 */
async function migrated(server: { url: string; poolSize?: number; stop(): Promise<void> }): Promise<TestDatabase> {
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  if (server.poolSize) process.env.DATABASE_POOL_SIZE = String(server.poolSize);
  else delete process.env.DATABASE_POOL_SIZE;
  return {
    url: server.url,
    async close() {
      const { db } = await import('@/lib/db/client');
      await db.$disconnect();
      await server.stop();
    },
  };
}

/** A fresh in-memory embedded database with every migration applied. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const database = await startEmbeddedDatabase({ dataDir: 'memory' });
  return migrated({ url: database.url, poolSize: database.poolSize, stop: () => database.close() });
}

/** The same, on a throwaway PostgreSQL server (Debian's), for behaviour that needs real concurrency. */
export async function startTestPostgres(): Promise<TestDatabase> {
  return migrated(await startPostgresServer());
}
