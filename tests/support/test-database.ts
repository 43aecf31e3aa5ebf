import { startEmbeddedDatabase } from '@/lib/db/embedded-server';
import { applyMigrations } from '@/lib/db/migrate';
import { startPostgresServer } from './postgres-server';

/**
 * A fresh in-memory embedded database with every migration applied, wired as the process's
 * DATABASE_URL (the app's `db` client reads it on first use).
 */
export async function startTestDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const database = await startEmbeddedDatabase({ dataDir: 'memory' });
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = String(database.poolSize);
  return {
    url: database.url,
    async close() {
      const { db } = await import('@/lib/db/client');
      await db.$disconnect();
      await database.close();
    },
  };
}

/** The same, on a throwaway PostgreSQL server (Debian's), for behaviour that needs real concurrency. */
export async function startTestPostgres(): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startPostgresServer();
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  return {
    url: server.url,
    async close() {
      const { db } = await import('@/lib/db/client');
      await db.$disconnect();
      await server.stop();
    },
  };
}
