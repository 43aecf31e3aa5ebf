import pg from 'pg';
import { startPostgresServer } from '../../tests/support/postgres-server';

export type CountedDatabase = {
  url: string;
  /** Statements executed in this database so far (pg_stat_statements: every call, all clients). */
  statements(): Promise<number>;
  /** The statements run most often, with their counts and mean time in ms (where to look first: a long wait shows there). */
  mostFrequent(limit: number): Promise<{ calls: number; meanMs: number; query: string }[]>;
};

/**
 * A throwaway PostgreSQL server that counts every statement each database is sent, whichever app
 * runs it (pg_stat_statements, preloaded), so two designs of the app can be compared by the
 * queries they make. Each benchmark run gets a database of its own.
 */
export async function startCountedPostgres() {
  const server = await startPostgresServer({
    shared_preload_libraries: 'pg_stat_statements',
    // What the app sends, not the statements PostgreSQL runs inside them (foreign-key checks).
    'pg_stat_statements.track': 'top',
    'pg_stat_statements.max': '10000',
    max_connections: '300',
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  let created = 0;
  return {
    async database(): Promise<CountedDatabase> {
      const name = `run_${++created}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async statements() {
          const { rows } = await admin.query<{ calls: string | null }>(
            'SELECT sum(calls) AS calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1',
            [name],
          );
          return Number(rows[0]?.calls ?? 0);
        },
        async mostFrequent(limit) {
          const { rows } = await admin.query<{ calls: string; mean: number; query: string }>(
            'SELECT calls, mean_exec_time AS mean, left(query, 160) AS query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 ORDER BY calls DESC LIMIT $2',
            [name, limit],
          );
          return rows.map((row) => ({ calls: Number(row.calls), meanMs: Math.round(row.mean * 10) / 10, query: row.query }));
        },
      };
    },
    async stop() {
      await admin.end();
      await server.stop();
    },
  };
}
