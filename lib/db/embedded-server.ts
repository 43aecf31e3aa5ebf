import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedDatabase = {
  /** A postgres:// URL on loopback: the app reaches it exactly as it reaches a real server. */
  url: string;
  /** How many connections a client may open (DATABASE_POOL_SIZE). */
  poolSize: number;
  close(): Promise<void>;
};

type Options = {
  /** A data directory, or 'memory' for a throwaway database. */
  dataDir: string;
  port?: number;
};

// PGlite is one Postgres backend in WebAssembly. Serving it on loopback lets every process
// (the app, the Prisma CLI, tests) use the production code path (pg + adapter-pg). It has a
// single session, so it takes one connection at a time: pglite-socket's multiplexer
// interleaves clients' extended-protocol messages (one client's Bind can meet another's
// unnamed statement), which corrupts concurrent queries. Clients use a pool of one instead
// (EMBEDDED_POOL_SIZE): queries queue in the pool, which is what PGlite would do anyway. The
// server allows one spare socket so a pool replacing a broken connection is not refused
// while the old socket is still closing.
const MAX_CONNECTIONS = 2;
export const EMBEDDED_POOL_SIZE = 1;

export async function startEmbeddedDatabase({ dataDir, port = 0 }: Options): Promise<EmbeddedDatabase> {
  const inMemory = dataDir === 'memory';
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const db = await PGlite.create(inMemory ? undefined : path.resolve(dataDir));
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: MAX_CONNECTIONS });
    await server.start();
    const address = server.getServerConn();
    return {
      url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
      poolSize: EMBEDDED_POOL_SIZE,
      async close() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

// A PGlite data folder may be opened by one process at a time; a second `npm run dev`
// would corrupt it, so refuse with a clear message instead.
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const lockFile = `${path.resolve(dataDir)}.lock`;
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (isRunning(holder)) {
      throw new Error(`The embedded database ${dataDir} is in use by process ${holder}. Stop it first.`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
