import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { DEMO, signInWithApi } from './fixtures/auth';
import { FROM_APP, E2E_PORT } from './fixtures/ports';
import { metricValue } from './fixtures/metrics';

const MB = 1024 * 1024;

type Sent = { status: number; body: unknown; bytesSent: number };

/**
 * POSTs up to `total` bytes to the app, one megabyte at a time, and stops sending as soon as the
 * answer arrives — which, for a body the server refuses unread, is long before the end.
 * `declared` sends a Content-Length (the whole size); otherwise the body is chunked.
 */
function post(path: string, { total, declared, headers = {} }: { total: number; declared: boolean; headers?: Record<string, string> }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port: E2E_PORT, path, method: 'POST', headers: { ...headers, ...(declared ? { 'content-length': String(total) } : {}) } });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        req.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null, bytesSent });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(MB, 'a');
    const pump = () => {
      while (!answered && bytesSent < total) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const tooLarge = { error: { code: 'payload_too_large', message: expect.stringContaining('larger than') } };

test('a 50 MB webhook is refused with 413 before it is read, and the server’s memory stays flat', async ({ request }) => {
  const rss = () => metricValue(request, 'switchboard_process_resident_memory_bytes');
  const before = await rss();
  for (let i = 0; i < 4; i++) {
    // Declared: answered from the headers, after at most the first megabytes went out.
    const declared = await post('/api/webhooks/twilio', { total: 50 * MB, declared: true, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' } });
    expect(declared).toMatchObject({ status: 413, body: tooLarge });
    expect(declared.bytesSent).toBeLessThan(50 * MB);
    // Chunked, with no length to go by: refused once past the limit.
    const chunked = await post('/api/webhooks/twilio', { total: 50 * MB, declared: false, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' } });
    expect(chunked).toMatchObject({ status: 413, body: tooLarge });
    expect(chunked.bytesSent).toBeLessThan(50 * MB);
  }
  // Reading those 400 MB would have shown here (the reported leak was +237 MB for four).
  expect((await rss()) - before).toBeLessThan(64 * MB);
  expect(await metricValue(request, 'switchboard_webhooks_total', { outcome: 'rejected', reason: 'too_large' })).toBeGreaterThanOrEqual(8);
});

test('a 20 MB sign-in form and a 50 MB note are refused with 413 in the app’s error shape', async ({ request }) => {
  const signIn = await post('/api/auth/callback/credentials', { total: 20 * MB, declared: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(signIn).toMatchObject({ status: 413, body: tooLarge });
  expect(signIn.bytesSent).toBeLessThan(20 * MB);

  await signInWithApi(request, DEMO.agent.email);
  const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const note = await post(`/api/conversations/CH${'0'.repeat(32)}/notes`, { total: 50 * MB, declared: true, headers: { ...FROM_APP, cookie, 'content-type': 'application/json' } });
  expect(note).toMatchObject({ status: 413, body: tooLarge });
  const chunkedNote = await post(`/api/conversations/CH${'0'.repeat(32)}/notes`, { total: 50 * MB, declared: false, headers: { ...FROM_APP, cookie, 'content-type': 'application/json' } });
  expect(chunkedNote).toMatchObject({ status: 413, body: tooLarge });
  expect(chunkedNote.bytesSent).toBeLessThan(50 * MB);
});

test('control characters in a note, a name or a canned response are a 422 naming the field, not a 500', async ({ browser }) => {
  const context = await browser.newContext();
  await signInWithApi(context.request, DEMO.admin.email);
  const write = (method: 'post' | 'patch', path: string, data: unknown) => context.request[method](path, { data, headers: FROM_APP });
  const { users } = (await (await context.request.get('/api/admin/users')).json()) as { users: { id: string; email: string }[] };
  const agentId = users.find((member) => member.email === DEMO.agent.email)!.id;
  for (const [response, field] of [
    [await write('post', `/api/conversations/CH${'0'.repeat(32)}/notes`, { body: 'nul\u0000here' }), 'body'],
    [await write('patch', `/api/admin/users/${agentId}`, { name: 'Ada\u0000Park' }), 'name'],
    [await write('post', '/api/canned-responses', { shortcut: 'nul-test', title: 'Bell\u0007', body: 'ok' }), 'title'],
  ] as const) {
    expect(response.status()).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', issues: [{ path: field, message: 'must not contain control characters' }] } });
  }
  await context.close();
});
