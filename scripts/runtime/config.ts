import path from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  SWITCHBOARD_DATA_DIR: z.string().default('.data'),
  // 'memory' gives a throwaway embedded database (the e2e tests use it).
  SWITCHBOARD_DB: z.enum(['file', 'memory']).default('file'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The interface to listen on; unset, a demo (emulator mode) stays on loopback.
  SWITCHBOARD_HOST: z.string().min(1).optional(),
});

export type RunMode = 'dev' | 'start';

export type RunConfig = {
  mode: RunMode;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedDatabase: 'file' | 'memory' | null;
  /** SWITCHBOARD_HOST, if set. */
  host: string | undefined;
  nextArgs: string[];
};

/** `tsx scripts/run.ts <dev|start> [-p PORT] [other next args]`, plus the environment. */
export function readRunConfig(argv: string[], env: NodeJS.ProcessEnv): RunConfig {
  const [mode, ...rest] = argv;
  if (mode !== 'dev' && mode !== 'start') throw new Error('usage: run.ts <dev|start> [-p PORT]');
  const parsed = ZEnv.parse(env);
  let port = parsed.PORT;
  const nextArgs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-p' || arg === '--port') port = Number(rest[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else nextArgs.push(arg);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid port: ${port}`);
  return {
    mode,
    port,
    dataDir: path.resolve(parsed.SWITCHBOARD_DATA_DIR),
    databaseUrl: parsed.DATABASE_URL,
    embeddedDatabase: parsed.DATABASE_URL ? null : parsed.SWITCHBOARD_DB,
    host: parsed.SWITCHBOARD_HOST,
    nextArgs,
  };
}
