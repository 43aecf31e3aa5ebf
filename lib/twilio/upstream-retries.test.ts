import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@/tests/support/free-port';
import { withUpstreamRetries } from './upstream-retries';

// The helper's own HTTP client against a local server that answers what a struggling Twilio
// would, one scripted status per request.
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function upstream(statuses: number[]): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  server = createServer((req, res) => {
    requests.push(req.method ?? '');
    const status = statuses.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? { ok: true } : { code: 20500, message: 'Internal Server Error', status }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/Conversations`, requests };
}

const client = () => withUpstreamRetries(new twilio.RequestClient(), { retries: 3, baseDelayMs: 1, maxDelayMs: 5 });

describe('retrying Twilio’s 5xx and network failures', () => {
  it('sends a read again after a 5xx until it is answered', async () => {
    const { url, requests } = await upstream([503, 500]);
    const response = await client().request({ method: 'get', uri: url });
    expect(response.statusCode).toBe(200);
    expect(requests).toHaveLength(3);
  });

  it('gives up after its retries and hands the last answer on', async () => {
    const { url, requests } = await upstream([503, 503, 503, 503, 503]);
    expect((await client().request({ method: 'get', uri: url })).statusCode).toBe(503);
    expect(requests).toHaveLength(4);
  });

  it('never sends a create or update twice on a 5xx: Twilio may have done it already', async () => {
    const { url, requests } = await upstream([500]);
    expect((await client().request({ method: 'post', uri: url, data: { Body: 'once' } })).statusCode).toBe(500);
    expect(requests).toEqual(['POST']);
  });

  it('hands a connection failure on as the network error it is, once its retries are spent', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/v1/Conversations`;
    await expect(client().request({ method: 'get', uri: nowhere })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
