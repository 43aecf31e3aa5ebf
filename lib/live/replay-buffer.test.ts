import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer';

describe('the replay window', () => {
  it('replays what came after the last id a stream saw', () => {
    const buffer = new ReplayBuffer<string>('i1', { maxEvents: 10, maxAgeMs: 60_000 });
    const first = buffer.push('a');
    buffer.push('b');
    buffer.push('c');
    expect(buffer.since(first)?.map((entry) => entry.value)).toEqual(['b', 'c']);
    expect(buffer.since(buffer.lastId())).toEqual([]);
  });

  it('cannot replay past the window, across instances, or across a gap', () => {
    let now = 0;
    const buffer = new ReplayBuffer<string>('i1', { maxEvents: 2, maxAgeMs: 1_000 }, () => now);
    const first = buffer.push('a');
    buffer.push('b');
    const second = buffer.push('c');
    expect(buffer.since(first)?.map((entry) => entry.value)).toEqual(['b', 'c']);
    buffer.push('c2');
    expect(buffer.since(first)).toBeNull(); // 'b' is out of the window: only 2 are kept
    expect(buffer.since('other-0-1')).toBeNull();
    expect(buffer.since('garbage')).toBeNull();
    now = 5_000;
    buffer.push('d');
    expect(buffer.since(second)).toBeNull(); // 'c2' is older than the window
    expect(buffer.since(buffer.push('e'))).toEqual([]);
    const beforeGap = buffer.lastId();
    buffer.breakContinuity();
    expect(buffer.since(beforeGap)).toBeNull();
    expect(buffer.since(buffer.lastId())).toEqual([]);
  });
});
