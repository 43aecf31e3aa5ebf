import { startEmbeddedDatabase } from '@/lib/db/embedded-server';
import { applyMigrations } from '@/lib/db/migrate';
import { startPostgresServer } from '../../tests/support/postgres-server';
import type { Backend } from './backend-worker';

/** Worker: the backend named on the command line, migrated, with `use()` pointing the app's client at it. */
export async function startWorkerDatabase(): Promise<{ backend: Backend; url: string; use(): void; stop(): Promise<void> }> {
  const backend: Backend = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  const database =
    backend === 'postgres'
      ? await startPostgresServer()
      : await startEmbeddedDatabase({ dataDir: 'memory' }).then((db) => ({ url: db.url, stop: () => db.close(), poolSize: db.poolSize }));
  await applyMigrations(database.url);
  return {
    backend,
    url: database.url,
    use() {
      process.env.DATABASE_URL = database.url;
      if ('poolSize' in database) process.env.DATABASE_POOL_SIZE = String(database.poolSize);
    },
    stop: () => database.stop(),
  };
}

/** Worker: runs `main` and exits with its outcome (the database's handles would keep the process up). */
export function runWorker(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
