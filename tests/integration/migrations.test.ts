import fs from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '@/lib/db/embedded-server';
import { applyMigrations } from '@/lib/db/migrate';
import { startPostgresServer } from '../support/postgres-server';

const migrationNames = fs
  .readdirSync('prisma/migrations', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function inspect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    return { tables: tables.rows.map((row) => row.table_name), applied: applied.rows.map((row) => row.migration_name) };
  } finally {
    await client.end();
  }
}

// The same prisma/migrations folder must bring both databases to the same schema.
describe.each([
  ['the embedded database (PGlite)', async () => {
    const database = await startEmbeddedDatabase({ dataDir: 'memory' });
    return { url: database.url, stop: () => database.close() };
  }],
  ['a real PostgreSQL server', startPostgresServer],
])('migrations on %s', (_name, start) => {
  let server: { url: string; stop(): Promise<void> } | undefined;
  afterAll(async () => server?.stop());

  // Two runs of `prisma migrate deploy` (a CLI process each) on a fresh server: a slow test's time.
  it('apply every migration to an empty database, and a second run changes nothing', { timeout: 120_000 }, async () => {
    server = await start();
    expect((await inspect(server.url).catch(() => null))?.tables ?? []).toEqual([]);

    await applyMigrations(server.url);
    const first = await inspect(server.url);
    expect(first.applied).toEqual(migrationNames);
    expect(first.tables).toEqual(expect.arrayContaining(['User', 'LoginThrottle', '_prisma_migrations']));

    await applyMigrations(server.url);
    expect(await inspect(server.url)).toEqual(first);
  });
});
