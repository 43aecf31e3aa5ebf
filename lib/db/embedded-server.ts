import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './embedded/wire-server';

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
// (the app, the Prisma CLI, tests) use the production code path (pg + adapter-pg), LISTEN/NOTIFY
// included. Our own wire server (embedded/wire-server.ts) runs each client's unit of work whole
// and routes notifications to their listeners, which the pglite-socket package does not (it
// interleaves clients' extended-protocol messages and hands a notification to whoever raised it).
// A client pool of several connections keeps PGlite busy while the app is between queries: the
// queries still run one at a time, but the round trips and the app's own work overlap them.
export const EMBEDDED_POOL_SIZE = 4;

export async function startEmbeddedDatabase({ dataDir, port = 0 }: Options): Promise<EmbeddedDatabase> {
  const inMemory = dataDir === 'memory';
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const db = await PGlite.create(inMemory ? undefined : path.resolve(dataDir));
    const server = new PgliteWireServer(db, { host: '127.0.0.1', port });
    const address = await server.start();
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
