import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as postAction } from '@/app/api/webhooks/twilio/route';
import { POST as messageStatus } from '@/app/api/webhooks/twilio/message-status/route';
import { POST as preAction } from '@/app/api/webhooks/twilio/pre-action/route';
import { BODY_LIMITS } from '@/lib/http/read-limited-body';
import { metrics } from '@/lib/observability/metrics';

// The three routes anyone can post to, as Next calls them. Every request here is refused before
// its signature could let it in, so nothing reaches the database.
const ROUTES = [
  ['post-action', '/api/webhooks/twilio', postAction],
  ['pre-action', '/api/webhooks/twilio/pre-action', preAction],
  ['message-status', '/api/webhooks/twilio/message-status', messageStatus],
] as const;

/** A form body that counts how much of it was pulled, and could go on for ever. */
function endlessBody() {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

const request = (path: string, init: { body: ReadableStream<Uint8Array> | string; headers?: Record<string, string> }) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: 'POST',
    body: init.body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged', ...init.headers },
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);

const count = async (reason: string) =>
  (await metrics.webhooks.get()).values.find((value) => value.labels.outcome === 'rejected' && value.labels.reason === reason)?.value ?? 0;

let logged: Record<string, unknown>[];
beforeEach(() => {
  logged = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    const entry = JSON.parse(String(chunk)) as Record<string, unknown>;
    if (entry.event === 'webhook_rejected') logged.push(entry);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the webhook routes', () => {
  it.each(ROUTES)('%s: a 50 MB body is refused with 413 unread, counted and logged', async (endpoint, path, post) => {
    const before = await count('too_large');
    // Declared: refused from the header, before the body is touched.
    const declared = endlessBody();
    const first = await post(request(path, { body: declared.stream, headers: { 'content-length': String(50 * 1024 * 1024) } }));
    expect(first.status).toBe(413);
    expect(await first.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('larger than') } });
    expect(declared.pulled()).toBeLessThanOrEqual(64 * 1024);
    // Chunked, with no length to go by: refused as soon as it passes the limit.
    const chunked = endlessBody();
    expect((await post(request(path, { body: chunked.stream }))).status).toBe(413);
    expect(chunked.pulled()).toBeLessThan(BODY_LIMITS.webhook + 2 * 64 * 1024);

    expect(await count('too_large')).toBe(before + 2);
    expect(logged).toEqual([
      expect.objectContaining({ level: 'warn', reason: 'too_large', endpoint }),
      expect.objectContaining({ level: 'warn', reason: 'too_large', endpoint }),
    ]);
  });

  it.each(ROUTES)('%s: a forged signature is refused with 403, counted and logged', async (endpoint, path, post) => {
    const before = await count('bad_signature');
    const response = await post(request(path, { body: 'EventType=onMessageAdd&ConversationSid=CH00000000000000000000000000000000', headers: { 'x-forwarded-for': '203.0.113.9' } }));
    expect(response.status).toBe(403);
    expect(await count('bad_signature')).toBe(before + 1);
    expect(logged).toEqual([expect.objectContaining({ level: 'warn', reason: 'bad_signature', detail: 'invalid', endpoint, clientIp: '203.0.113.9' })]);
  });
});
