import { spawn } from 'node:child_process';
import path from 'node:path';

/** Applies pending migrations from prisma/migrations with Prisma's own `migrate deploy`. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const prisma = path.resolve('node_modules/.bin/prisma');
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(prisma, ['migrate', 'deploy'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed:\n${Buffer.concat(output).toString()}`);
}
