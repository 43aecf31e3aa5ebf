/**
 * Secondary indexes over the store's tables, so hot paths (messages of a conversation, participants by
 * identity or by address/proxy pair, conversations of an identity) are lookups instead of scans.
 * Multi-valued indexes keep SIDs in creation (`seq`) order so lists page without sorting.
 */

/** First position in `sids` (ascending seq) whose seq is >= `seq`. */
export const lowerBound = (sids: readonly string[], seq: number, seqOf: (sid: string) => number): number => {
  let low = 0;
  let high = sids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = sids[mid];
    if (at !== undefined && seqOf(at) < seq) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** key → SIDs ordered by seq. */
export class OrderedMultiIndex {
  private readonly map = new Map<string, string[]>();

  constructor(private readonly seqOf: (sid: string) => number) {}

  add(key: string, sid: string): void {
    const list = this.map.get(key);
    if (!list) {
      this.map.set(key, [sid]);
      return;
    }
    const seq = this.seqOf(sid);
    // Records arrive in seq order almost always, so check the tail before searching.
    const last = list[list.length - 1];
    if (last === undefined || this.seqOf(last) < seq) {
      list.push(sid);
      return;
    }
    list.splice(this.lowerBound(list, seq), 0, sid);
  }

  remove(key: string, sid: string): void {
    const list = this.map.get(key);
    if (!list) return;
    const at = this.lowerBound(list, this.seqOf(sid));
    const index = list[at] === sid ? at : list.indexOf(sid);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.map.delete(key);
  }

  get(key: string): readonly string[] {
    return this.map.get(key) ?? [];
  }

  /** First position whose seq is >= `seq`. */
  lowerBound(list: readonly string[], seq: number): number {
    return lowerBound(list, seq, this.seqOf);
  }
}

/** key → one SID. */
export class UniqueIndex {
  private readonly map = new Map<string, string>();

  add(key: string, sid: string): void {
    this.map.set(key, sid);
  }

  remove(key: string, sid: string): void {
    if (this.map.get(key) === sid) this.map.delete(key);
  }

  get(key: string): string | undefined {
    return this.map.get(key);
  }
}

/** Joins index key parts with a separator no Twilio value contains. */
export const key = (...parts: (string | null | undefined)[]): string => parts.map((p) => p ?? '').join('\u0000');
