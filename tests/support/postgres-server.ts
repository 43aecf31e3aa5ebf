import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

// A throwaway PostgreSQL cluster from Debian's `postgresql` package, on 127.0.0.1 and a free
// port. initdb refuses to run as root, so as root the server runs as the `postgres` user.

function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!dir) throw new Error("PostgreSQL is not installed: `apt-get install -y postgresql` (.ci/run does this).");
  return dir;
}

/** `settings` are server parameters (`-c name=value`), e.g. a preloaded extension. */
export async function startPostgresServer(settings: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-pg-'));
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const dataDir = path.join(dir, 'data');
  execFileSync(...run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']), { stdio: 'ignore' });

  const port = await freePort();
  const server = spawn(...run(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])]), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    server.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`postgres exited (${code}):\n${log}`)));
  });
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // runuser does not pass signals on, so stop the server the documented way.
      execFileSync(...run(path.join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast']), { stdio: 'ignore' });
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
