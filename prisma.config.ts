import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI would download a native schema engine; this machine (and any firewalled
// user) cannot, so the CLI runs Prisma's own WebAssembly engine through this stand-in.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/prisma-schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // `npm run dev` / `npm start` set DATABASE_URL (the embedded database's loopback URL or
    // yours). Without one, the CLI works on a throwaway in-memory PGlite, which is what
    // `npm run db:migrate` uses to author new migrations.
    url: process.env.DATABASE_URL ?? 'pglite:memory',
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
