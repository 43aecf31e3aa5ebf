import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A rendezvous of `count` tests in different worker processes: each leaves a note (written whole,
 * then renamed into place) in `dir` and resolves once all `count` notes are there, with every note by
 * name. Waits on file-system events, not a timer; the test's own timeout bounds it.
 */
export async function meet(dir: string, name: string, note: string, count: number): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true });
  const watcher = watch(dir);
  try {
    await writeFile(path.join(dir, `${name}.tmp`), note);
    await rename(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.note`));
    return await new Promise<Map<string, string>>((resolve, reject) => {
      const check = async () => {
        const names = (await readdir(dir)).filter((f) => f.endsWith('.note'));
        if (names.length < count) return;
        const notes = await Promise.all(names.map(async (f) => [f.slice(0, -'.note'.length), await readFile(path.join(dir, f), 'utf8')] as const));
        resolve(new Map(notes));
      };
      watcher.on('change', () => void check().catch(reject));
      watcher.on('error', reject);
      void check().catch(reject);
    });
  } finally {
    watcher.close();
  }
}
