import { describe, expect, it } from 'vitest';
import { ApiError } from './client-fetch';
import { withRetryAfter } from './retry-after';

const busy = (seconds: number) => new ApiError(503, 'unavailable', 'Twilio is busy right now; try again in a moment.', undefined, [], seconds);

describe('retrying a send after Retry-After', () => {
  it('waits as long as the server said (plus jitter) and sends again, until it goes through', async () => {
    const answers: (Error | string)[] = [busy(1), busy(2), 'sent'];
    const waits: number[] = [];
    const told: number[] = [];
    const result = await withRetryAfter(
      async () => {
        const next = answers.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      { wait: async (ms) => void waits.push(ms), onWait: (seconds) => told.push(seconds), random: () => 0.5 },
    );
    expect(result).toBe('sent');
    expect(told).toEqual([1, 2]);
    expect(waits).toEqual([1250, 2250]);
  });

  it('gives up after its retries, and never retries what is not a 503 with Retry-After', async () => {
    let calls = 0;
    await expect(withRetryAfter(async () => { calls++; throw busy(1); }, { retries: 2, wait: async () => undefined })).rejects.toThrow('busy');
    expect(calls).toBe(3);
    calls = 0;
    const refused = new ApiError(403, 'forbidden', 'Only the agent this conversation is assigned to (or a supervisor) can do that.');
    await expect(withRetryAfter(async () => { calls++; throw refused; }, { wait: async () => undefined })).rejects.toBe(refused);
    await expect(withRetryAfter(async () => { calls++; throw new ApiError(503, 'unavailable', 'down'); }, { wait: async () => undefined })).rejects.toThrow('down');
    expect(calls).toBe(2);
  });
});
