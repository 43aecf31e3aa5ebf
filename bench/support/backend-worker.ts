import { spawn } from 'node:child_process';

// A benchmark that compares the embedded database with PostgreSQL runs each in a child process of
// its own (`tsx --conditions=react-server`, like the app's own scripts): this spawns a worker per
// backend and reads the JSON it prints last. The worker's half is worker-database.ts.

export type Backend = 'pglite' | 'postgres';

/** Parent: runs `script` for one backend and returns what it printed last, parsed. */
export function runBackendWorker<T>(script: string, backend: Backend): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', script, backend], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} on ${backend} failed (${code})`));
      resolve(JSON.parse(last) as T);
    });
  });
}
