import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/api/app-error';
import { readLimitedBody } from './read-limited-body';

/** A body that counts how much of it was pulled, and could go on for ever. */
function endlessBody(chunkBytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readLimitedBody', () => {
  it('reads a body within the limit', async () => {
    const body = await readLimitedBody(new Request('http://app.test/', { method: 'POST', body: 'hello' }), 5);
    expect(body.toString()).toBe('hello');
  });

  it('refuses a declared length over the limit without reading the body', async () => {
    const { stream, pulled } = endlessBody(1024);
    const req = new Request('http://app.test/', { method: 'POST', body: stream, headers: { 'content-length': String(50 * 1024 * 1024) }, duplex: 'half' } as RequestInit);
    const error = await readLimitedBody(req, 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    // The stream may have buffered its first chunk ahead; nothing was read past it.
    expect(pulled()).toBeLessThanOrEqual(1024);
  });

  it('stops reading an undeclared body as soon as it passes the limit', async () => {
    const { stream, pulled } = endlessBody(1024);
    const req = new Request('http://app.test/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const error = await readLimitedBody(req, 10 * 1024).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('payload_too_large');
    expect(pulled()).toBeLessThan(16 * 1024);
  });
});
