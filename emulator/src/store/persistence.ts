import { readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { builtInContentRecords } from '../domain/content-templates';
import { emptyOrchestratorState } from '../orchestrator/records';
import type { State } from './records';

/**
 * Saves the whole state to one JSON file with group commit:
 *
 * - every store change bumps a generation counter and schedules one write on the next turn of the event
 *   loop, so a burst of changes (a request that adds ten participants, a benchmark) costs one write;
 * - a write goes to `FILE.tmp`, is fsynced, then renamed over `FILE`: rename is atomic, so a crash
 *   mid-write leaves the previous good file;
 * - `durable()` resolves once every change made before the call is in a renamed file. The domain awaits
 *   it before a mutation returns, so a REST response is only sent once its change is on disk: a restart,
 *   clean or not, loses nothing that was acknowledged.
 *
 * Writing the whole state is O(state) per write; with group commit that stays cheap at emulator scale
 * (thousands of conversations) and keeps the file a single self-consistent snapshot.
 */
/** The built-in contents for a file from before the Content API, in their own creation order. */
const builtInContents = () => {
  let seq = 0;
  return builtInContentRecords(new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z'), () => ++seq);
};

export class FilePersistence {
  private dirtyGen = 0;
  private writtenGen = 0;
  private writing: Promise<void> | null = null;
  private scheduled = false;
  private waiters: { gen: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private lastError: unknown = null;

  constructor(
    readonly path: string,
    private readonly snapshot: () => State,
  ) {}

  static load(path: string): State | undefined {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<State>;
    if (parsed.version !== 1) throw new Error(`${path}: unsupported emulator state version ${String(parsed.version)}`);
    // Files written before the carrier existed lack its parts; they start empty. Files from before the
    // Content API start with the built-in contents, which they could already send.
    return {
      contents: builtInContents(),
      whatsappSessions: {},
      messagingService: { inboundAutocreation: false },
      carrierMessages: {},
      carrierMedia: {},
      carrierDeliveries: {},
      carrierPhones: {},
      orchestrator: emptyOrchestratorState(),
      ...parsed,
    } as State;
  }

  markDirty(): void {
    this.dirtyGen += 1;
    if (!this.scheduled && !this.writing) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.kick();
      });
    }
  }

  /** Resolves when every change made so far is on disk. */
  durable(): Promise<void> {
    if (this.writtenGen >= this.dirtyGen) return Promise.resolve();
    const gen = this.dirtyGen;
    return new Promise((resolve, reject) => this.waiters.push({ gen, resolve, reject }));
  }

  /** Waits for pending writes; used by close(). */
  async flush(): Promise<void> {
    this.kick();
    await this.durable();
  }

  private kick(): void {
    if (this.writing || this.writtenGen >= this.dirtyGen) return;
    this.writing = this.writeLoop().finally(() => {
      this.writing = null;
    });
  }

  private async writeLoop(): Promise<void> {
    while (this.writtenGen < this.dirtyGen) {
      const gen = this.dirtyGen;
      try {
        await this.writeOnce(JSON.stringify(this.snapshot()));
        this.writtenGen = gen;
        this.lastError = null;
        this.settle();
      } catch (error) {
        this.lastError = error;
        this.failWaiters(error);
        return;
      }
    }
  }

  private async writeOnce(data: string): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, this.path);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
  }

  private settle(): void {
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.gen <= this.writtenGen) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  private failWaiters(error: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  get error(): unknown {
    return this.lastError;
  }
}
