import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedDatabase = {
  /** A postgres:// URL on loopback: the app reaches it exactly as it reaches a real server. */
  url: string;
  close(): Promise<void>;
};

type Options = {
  /** A data directory, or 'memory' for a throwaway database. */
  dataDir: string;
  port?: number;
};

// PGlite is one Postgres backend in WebAssembly. Serving it on loopback lets every process
// (Next's workers, the Prisma CLI, tests) use the production code path (pg + adapter-pg);
// the socket server multiplexes connections and keeps a transaction on its own connection.
const MAX_CONNECTIONS = 32;

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
