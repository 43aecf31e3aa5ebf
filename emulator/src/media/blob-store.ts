import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded media bytes live. Metadata is domain state (in the state file); the bytes are kept
 * apart so a state write never re-serialises megabytes of media.
 */
export type BlobStore = {
  put(sid: string, bytes: Buffer): Promise<void>;
  get(sid: string): Buffer | undefined;
  delete(sid: string): void;
  clear(): void;
};

export const createMemoryBlobStore = (): BlobStore => {
  const blobs = new Map<string, Buffer>();
  return {
    put: async (sid, bytes) => {
      blobs.set(sid, bytes);
    },
    get: (sid) => blobs.get(sid),
    delete: (sid) => {
      blobs.delete(sid);
    },
    clear: () => blobs.clear(),
  };
};

/** One file per media SID in `dir` (next to the state file), written atomically before the record. */
export const createFileBlobStore = (dir: string): BlobStore => {
  mkdirSync(dir, { recursive: true });
  const file = (sid: string) => {
    if (!/^ME[0-9a-f]{32}$/i.test(sid)) throw new Error(`not a media SID: ${sid}`);
    return path.join(dir, sid);
  };
  return {
    put: async (sid, bytes) => {
      const tmp = `${file(sid)}.tmp`;
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file(sid)).catch(async (error: unknown) => {
        await unlink(tmp).catch(() => undefined);
        throw error;
      });
    },
    get: (sid) => {
      try {
        return readFileSync(file(sid));
      } catch {
        return undefined;
      }
    },
    delete: (sid) => rmSync(file(sid), { force: true }),
    clear: () => {
      for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { force: true });
    },
  };
};
