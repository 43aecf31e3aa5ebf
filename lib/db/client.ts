import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from './generated/client';

export type Database = ReturnType<typeof createDatabaseClient>;
/** What a query may run on: the database itself, or a transaction a caller holds. */
export type DatabaseClient = Database | Prisma.TransactionClient;

export function createDatabaseClient(connectionString: string, poolSize?: number) {
  return new PrismaClient({
    // A fixed small pool (the embedded database) keeps its connections instead of reconnecting.
    adapter: new PrismaPg({ connectionString, ...(poolSize ? { max: poolSize, idleTimeoutMillis: 0 } : {}) }),
    // Password hashes are read only where a password is checked, on purpose.
    omit: { user: { passwordHash: true } },
    // A transaction may wait behind others for a connection (the embedded database has one).
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

// One client per process: Next's dev server reloads modules, and each client holds a pool.
const globalForDb = globalThis as unknown as { switchboardDb?: Database };

function instance(): Database {
  if (!globalForDb.switchboardDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set; start the app with `npm run dev` or `npm start`.');
    const poolSize = Number(process.env.DATABASE_POOL_SIZE) || undefined;
    globalForDb.switchboardDb = createDatabaseClient(url, poolSize);
  }
  return globalForDb.switchboardDb;
}

// Created on first use, so importing this module (e.g. during `next build`) needs no database.
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = instance();
    const value: unknown = Reflect.get(client, property);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});
