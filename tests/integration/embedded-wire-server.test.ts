import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@/lib/db/embedded-server';
import { PgliteWireServer } from '@/lib/db/embedded/wire-server';

// The embedded database as clients see it over loopback: several connections at once, each
// one's queries intact, transactions isolated, and LISTEN/NOTIFY between connections.
describe('the embedded database server', () => {
  let database: EmbeddedDatabase;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const nextNotification = (client: pg.Client) => new Promise<pg.Notification>((resolve) => client.once('notification', resolve));

  beforeAll(async () => {
    database = await startEmbeddedDatabase({ dataDir: 'memory' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await database.close();
  });

  it('delivers a notification to the connection listening, whichever connection raised it', async () => {
    const [listener, other, notifier] = [await connect(), await connect(), await connect()];
    let misdelivered = 0;
    other.on('notification', () => misdelivered++);
    notifier.on('notification', () => misdelivered++);
    await listener.query('LISTEN switchboard_test');
    const heard = nextNotification(listener);
    await notifier.query("SELECT pg_notify('switchboard_test', 'hello')");
    expect(await heard).toMatchObject({ channel: 'switchboard_test', payload: 'hello' });

    // Inside a transaction: delivered at commit, not before, and never after a rollback.
    await notifier.query('BEGIN');
    await notifier.query("SELECT pg_notify('switchboard_test', 'rolled back')");
    await notifier.query('ROLLBACK');
    const committed = nextNotification(listener);
    await notifier.query('BEGIN');
    await notifier.query("SELECT pg_notify('switchboard_test', 'committed')");
    await notifier.query('COMMIT');
    expect((await committed).payload).toBe('committed');
    expect(misdelivered).toBe(0);
  });

  it('keeps listening for a connection when another one unlistens the same channel', async () => {
    const [first, second] = [await connect(), await connect()];
    await first.query('LISTEN shared_channel');
    await second.query('LISTEN shared_channel');
    await second.query('UNLISTEN shared_channel');
    const heard = nextNotification(first);
    await second.query("SELECT pg_notify('shared_channel', 'still here')");
    expect((await heard).payload).toBe('still here');
  });

  it('runs many connections’ parameterized queries at once without mixing them up', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 6 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) => pool.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [i, `row ${i}`]).then((result) => result.rows[0])),
      );
      expect(answers).toEqual(Array.from({ length: 300 }, (_, i) => ({ n: i, s: `row ${i}` })));
    } finally {
      await pool.end();
    }
  });

  it('isolates a transaction: other connections wait for it, and its work is theirs only after commit', async () => {
    const [writer, reader] = [await connect(), await connect()];
    await writer.query('CREATE TABLE IF NOT EXISTS counters (id int PRIMARY KEY, n int NOT NULL)');
    await writer.query('INSERT INTO counters VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    await writer.query('BEGIN');
    await writer.query('UPDATE counters SET n = n + 1 WHERE id = 1');
    let read: number | null = null;
    const waiting = reader.query<{ n: number }>('SELECT n FROM counters WHERE id = 1').then((result) => (read = result.rows[0]!.n));
    await writer.query('UPDATE counters SET n = n + 1 WHERE id = 1');
    expect(read).toBeNull(); // one backend: the reader runs only once the transaction ends
    await writer.query('COMMIT');
    await waiting;
    expect(read).toBe(2);
  });

  it('rolls back the transaction of a connection that goes away, and lets the others go on', async () => {
    const [leaver, stayer] = [await connect(), await connect()];
    await leaver.query('CREATE TABLE IF NOT EXISTS notes_left (body text)');
    await leaver.query('BEGIN');
    await leaver.query("INSERT INTO notes_left VALUES ('never committed')");
    const waiting = stayer.query<{ count: string }>('SELECT count(*) FROM notes_left');
    await leaver.end();
    expect((await waiting).rows[0]!.count).toBe('0');
  });
  it('goes on serving after a listener that heard notifications unlistens or leaves', async () => {
    const [leaving, unlistening, other] = [await connect(), await connect(), await connect()];
    for (const client of [leaving, unlistening]) await client.query('LISTEN heard_then_gone');
    const heard = Promise.all([nextNotification(leaving), nextNotification(unlistening)]);
    await other.query("SELECT pg_notify('heard_then_gone', 'once')");
    await heard;
    let unheard = 0;
    unlistening.on('notification', () => unheard++);
    expect((await unlistening.query('UNLISTEN heard_then_gone')).command).toBe('UNLISTEN');
    await leaving.end();
    await other.query("SELECT pg_notify('heard_then_gone', 'twice')");
    expect((await other.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n).toBe(1);
    expect((await unlistening.query<{ n: number }>('SELECT 2 AS n')).rows[0]!.n).toBe(2);
    expect(unheard).toBe(0);
  });

  // PGlite 0.4 hangs when it starts a checkpoint by itself (about 512 MB of WAL since the last);
  // the server checkpoints between units once the WAL has grown by its threshold (1 MiB here).
  it('checkpoints between units once the WAL has grown, and only then', async () => {
    const backend = await PGlite.create();
    const server = new PgliteWireServer(backend, { walCheck: { everyUnits: 1, bytes: 2 ** 20 } });
    const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@${await server.start()}/postgres?sslmode=disable` });
    await client.connect();
    try {
      await client.query('CREATE TABLE padding (pad text)');
      const before = server.stats().checkpoints;
      for (let i = 0; i < 5; i++) await client.query('SELECT 1');
      const quiet = server.stats().checkpoints;
      // About 2 MB of WAL per insert (md5 text does not compress much).
      for (let i = 0; i < 3; i++) await client.query("INSERT INTO padding SELECT string_agg(md5(g::text || random()::text), '') FROM generate_series(1, 60000) g");
      await client.query('SELECT 1');
      expect(quiet - before).toBeLessThanOrEqual(1); // the table's creation may count; reads do not
      expect(server.stats().checkpoints - quiet).toBeGreaterThanOrEqual(2);
      expect((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM padding')).rows[0]!.n).toBe('3');
    } finally {
      await client.end();
      await server.stop();
      await backend.close();
    }
  });
});
