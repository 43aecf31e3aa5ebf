/**
 * The last few minutes of events, numbered in order, so a stream that reconnects can be sent
 * what it missed. Ids are `<instance>-<epoch>-<seq>`: an id from another instance or an earlier
 * epoch (before the database connection was lost) cannot be replayed, nor one older than the
 * window; the stream then asks the browser to reload instead.
 */
export class ReplayBuffer<T> {
  private readonly entries: { seq: number; at: number; value: T }[] = [];
  private seq = 0;
  private epoch = 0;

  constructor(
    private readonly prefix: string,
    private readonly limits: { maxEvents: number; maxAgeMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a value; returns its id. */
  push(value: T): string {
    const seq = ++this.seq;
    this.entries.push({ seq, at: this.now(), value });
    this.trim();
    return this.idOf(seq);
  }

  /** A gap: what came before cannot be replayed any more. */
  breakContinuity(): void {
    this.epoch++;
    this.entries.length = 0;
  }

  /** The id a stream that has seen everything so far would send back. */
  lastId(): string {
    return this.idOf(this.seq);
  }

  /** The position of an id of this buffer's current epoch, or null. */
  sequenceOf(id: string): number | null {
    const match = /^(.+)-(\d+)-(\d+)$/.exec(id);
    if (!match || match[1] !== this.prefix || Number(match[2]) !== this.epoch) return null;
    return Number(match[3]);
  }

  /** How many values were pushed so far (in this instance's life). */
  currentSequence(): number {
    return this.seq;
  }

  /** Everything after `lastEventId`, or null when that cannot be known. */
  since(lastEventId: string): { id: string; value: T }[] | null {
    const after = this.sequenceOf(lastEventId);
    if (after === null || after > this.seq) return null;
    this.trim();
    const oldest = this.entries[0]?.seq ?? this.seq + 1;
    if (after < oldest - 1) return null;
    return this.entries.filter((entry) => entry.seq > after).map((entry) => ({ id: this.idOf(entry.seq), value: entry.value }));
  }

  private idOf(seq: number): string {
    return `${this.prefix}-${this.epoch}-${seq}`;
  }

  private trim(): void {
    const cutoff = this.now() - this.limits.maxAgeMs;
    let drop = Math.max(0, this.entries.length - this.limits.maxEvents);
    while (drop < this.entries.length && this.entries[drop]!.at < cutoff) drop++;
    if (drop > 0) this.entries.splice(0, drop);
  }
}
