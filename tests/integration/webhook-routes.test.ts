import { NextRequest } from 'next/server';
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as postAction } from '@/app/api/webhooks/twilio/route';
import { POST as messageStatus } from '@/app/api/webhooks/twilio/message-status/route';
import { POST as preAction } from '@/app/api/webhooks/twilio/pre-action/route';
import { BODY_LIMITS } from '@/lib/http/read-limited-body';
import { metrics } from '@/lib/observability/metrics';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';

// The three routes anyone can post to, as Next calls them. Nothing here reaches the database:
// refused requests stop at the limit or the signature, and the signed ones are events the routes
// acknowledge without a look (an event type the app ignores, a customer's text, an unknown message).
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

  it.each([
    ['post-action', '/api/webhooks/twilio', postAction, { EventType: 'onUserUpdated', UserSid: `US${'0'.repeat(32)}` }],
    ['pre-action', '/api/webhooks/twilio/pre-action', preAction, { EventType: 'onMessageAdd', Source: 'SMS', Author: '+15558675310', ConversationSid: `CH${'0'.repeat(32)}`, Body: 'hé — ok' }],
    ['message-status', '/api/webhooks/twilio/message-status', messageStatus, { MessageSid: 'not-a-sid', MessageStatus: 'sent' }],
  ] as const)('%s: a signed body within the limit reaches the handler intact', async (_endpoint, path, post, params) => {
    // Twilio signs the URL and every parameter: a body changed on the way in would fail the check.
    const signature = twilio.getExpectedTwilioSignature(readTwilioEnv().authToken, `http://localhost:3000${path}`, params);
    const response = await post(request(path, { body: new URLSearchParams(params).toString(), headers: { 'x-twilio-signature': signature } }));
    expect(response.status).toBe(200);
    expect(logged).toEqual([]);
  });

  it.each(ROUTES)('%s: a forged signature is refused with 403, counted and logged', async (endpoint, path, post) => {
    const before = await count('bad_signature');
    const response = await post(request(path, { body: 'EventType=onMessageAdd&ConversationSid=CH00000000000000000000000000000000', headers: { 'x-forwarded-for': '203.0.113.9' } }));
    expect(response.status).toBe(403);
    expect(await count('bad_signature')).toBe(before + 1);
    expect(logged).toEqual([expect.objectContaining({ level: 'warn', reason: 'bad_signature', detail: 'invalid', endpoint, clientIp: '203.0.113.9' })]);
  });
});
