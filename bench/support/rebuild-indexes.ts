import type pg from 'pg';

/**
 * Loads a table with its secondary indexes (the GIN over the search vector among them) dropped
 * and builds them again afterwards from their own definitions: one sorted build each instead of
 * a million single-row inserts into every index, which on PGlite (WebAssembly) is most of the
 * load. Indexes that back a constraint (the primary key) stay. The schema ends as migrated.
 */
export async function withIndexesRebuilt(client: pg.Client, table: string, load: () => Promise<void>): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)`,
    [table],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
  await load();
  // A GIN build sorts its entries in memory: the default 64MB makes it spill and merge.
  await client.query(`SET maintenance_work_mem = '256MB'`);
  // An index build writes the whole index to the WAL: checkpointed after each, as the load is
  // (see seed-report-history.ts).
  for (const { definition } of rows) {
    await client.query(definition);
    await client.query('CHECKPOINT');
  }
  await client.query('RESET maintenance_work_mem');
}
