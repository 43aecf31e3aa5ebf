import { describe, expect, it } from 'vitest';
import { serializeByKey } from './serialize-by-key';

describe('serializeByKey', () => {
  it('runs work on one key one at a time, in order, and other keys alongside', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = serializeByKey('a', async () => {
      events.push('a1 start');
      await gate;
      events.push('a1 end');
      return 1;
    });
    const second = serializeByKey('a', async () => {
      events.push('a2 start');
      return 2;
    });
    const other = serializeByKey('b', async () => {
      events.push('b start');
      return 3;
    });
    expect(await other).toBe(3);
    expect(events).toEqual(['a1 start', 'b start']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(['a1 start', 'b start', 'a1 end', 'a2 start']);
  });

  it('keeps going after a failure, and hands the failure to its caller only', async () => {
    const failed = serializeByKey('c', () => Promise.reject(new Error('boom')));
    const next = serializeByKey('c', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});
