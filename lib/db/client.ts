import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export type Database = ReturnType<typeof createDatabaseClient>;

export function createDatabaseClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // Password hashes are read only where a password is checked, on purpose.
    omit: { user: { passwordHash: true } },
  });
}

// One client per process: Next's dev server reloads modules, and each client holds a pool.
const globalForDb = globalThis as unknown as { switchboardDb?: Database };

function instance(): Database {
  if (!globalForDb.switchboardDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set; start the app with `npm run dev` or `npm start`.');
    globalForDb.switchboardDb = createDatabaseClient(url);
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
