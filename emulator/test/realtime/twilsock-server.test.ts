import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, type EdgeRequest } from '../../src/http/route';
import { mintToken } from './support/credentials';
import { setupHarness } from './support/harness';
import { RawClient } from './support/raw-client';
import { when } from './support/wait-for';

const h = setupHarness();
const clients: RawClient[] = [];

async function connect(identity?: string): Promise<RawClient> {
  const client = await RawClient.connect(h.wsUri);
  clients.push(client);
  if (identity) {
    const reply = await client.init(mintToken({ identity }));
    expect(reply.header.status).toEqual({ code: 200, status: 'OK' });
  }
  return client;
}

afterEach(() => {
  for (const client of clients.splice(0)) client.terminate();
});

describe('twilsock init', () => {
  it('replies 200 with a fresh continuation token and no capabilities, accepting an unknown one', async () => {
    const client = await connect();
    const reply = await client.init(mintToken({ identity: 'alice' }), { continuation_token: 'CTfrom-another-boot' });
    expect(reply.binary).toBe(true); // text frames are dropped by the client
    expect(reply.header).toMatchObject({ method: 'reply', status: { code: 200, status: 'OK' }, capabilities: [] });
    expect(reply.header.continuation_token).toMatch(/^CT[0-9a-f]{32}$/);
    expect(reply.header.offline_storage).toBeUndefined();
    const again = await (await connect()).init(mintToken({ identity: 'alice' }), { continuation_token: reply.header.continuation_token });
    expect(again.header.continuation_token).not.toBe(reply.header.continuation_token);
  });

  it('rejects an expired token with 401/20104 and a forged one with 401/20101', async () => {
    const token = mintToken({ identity: 'alice', ttlSeconds: 60 });
    h.clock.advance(120_000);
    const late = await connect();
    expect((await late.init(token)).header.status).toMatchObject({ code: 401, errorCode: 20104 });
    const forged = await connect();
    expect((await forged.init(mintToken({ identity: 'alice', secret: 'stolen?' }))).header.status).toMatchObject({ code: 401, errorCode: 20101 });
    expect(h.realtime.twilsock.registry.size).toBe(0);
    // Refused connections stay open only for the client to close them; they can do nothing meanwhile.
    expect((await late.http('GET', '/v3/Documents/x')).header.status).toMatchObject({ code: 401 });
  });

  it('refuses upstream messages before init', async () => {
    const client = await connect();
    const reply = await client.http('GET', '/v3/Documents/x');
    expect(reply.header.status).toMatchObject({ code: 401 });
    expect(reply.header.http_status).toBeUndefined();
  });
});

describe('upstream requests', () => {
  let seen: EdgeRequest | null = null;
  beforeEach(() => {
    seen = null;
    h.routes.post('/Client/v2/Services/{Service}/Users/{Identity}', (request) => {
      seen = request;
      return json(201, { ok: true, identity: request.params.Identity });
    });
    h.routes.delete('/things/{Id}', (request) => {
      seen = request;
      return json(200, { deleted: request.params.Id });
    });
    h.routes.post(
      '/typing',
      (request) => {
        seen = request;
        return json(200, { typing_timeout: 5 });
      },
      { body: 'form' },
    );
  });

  it('decodes path segments and params, and replies with twilsock 200 plus http_status', async () => {
    const client = await connect('alice');
    const reply = await client.http('POST', '/Client/v2/Services/IS1/Users/alice%40example.com%2Fx', {
      params: { Tag: ['a%20b', 'c%2Bd'], Name: 'J%C3%BCrgen+X' },
      body: JSON.stringify({ friendly_name: 'Ålice' }),
      payloadType: 'application/json; charset=utf-8',
      headers: { 'X-Twilio-Mutation-Id': 'm1' },
    });
    expect(reply.header.status).toEqual({ code: 200, status: 'OK' });
    expect(reply.header.http_status).toEqual({ code: 201, status: 'Created' });
    expect(reply.header.payload_type).toBe('application/json');
    expect(reply.body).toEqual({ ok: true, identity: 'alice@example.com/x' });
    expect(seen?.query.getAll('Tag')).toEqual(['a b', 'c+d']);
    expect(seen?.query.get('Name')).toBe('Jürgen X');
    expect(seen?.headers['x-twilio-mutation-id']).toBe('m1');
    expect(seen?.body).toEqual({ kind: 'json', value: { friendly_name: 'Ålice' } });
    expect(seen?.caller).toMatchObject({ scheme: 'sdk-token', identity: 'alice' });
    expect(seen?.baseUrl).toBe('http://localhost:4510');
  });

  it('tolerates the non-JSON Sync DELETE body and parses form bodies', async () => {
    const client = await connect('alice');
    const reply = await client.http('DELETE', '/things/T1', { body: 'ip_messaging', payloadType: 'application/json' });
    expect(reply.header.http_status).toEqual({ code: 200, status: 'OK' });
    expect(seen?.body).toEqual({ kind: 'text', value: 'ip_messaging' });
    await client.http('POST', '/typing', { body: 'ChannelSid=CH123', payloadType: 'application/x-www-form-urlencoded' });
    expect(seen?.body.kind).toBe('form');
    expect(seen?.form.get('ChannelSid')).toBe('CH123');
  });

  it('answers unknown routes and bad encodings over HTTP status, not by failing the transport', async () => {
    const client = await connect('alice');
    const missing = await client.http('GET', '/nowhere');
    expect(missing.header.status).toEqual({ code: 200, status: 'OK' });
    expect(missing.header.http_status).toEqual({ code: 404, status: 'Not Found' });
    expect(missing.body).toMatchObject({ status: 404, code: 20404 });
    const wrongMethod = await client.http('GET', '/typing');
    expect(wrongMethod.header.http_status).toMatchObject({ code: 405 });
    const malformed = await client.http('DELETE', '/things/%E0%A4%A');
    expect(malformed.header.http_status).toMatchObject({ code: 400 });
  });

  it('ignores telemetry and acknowledges notification contexts', async () => {
    const client = await connect('alice');
    client.send({ id: 'TMtel', method: 'telemetry.v1', events: [{ start: -3, end: -1, title: 'x', details: '' }] });
    const ctx = await client.request({ method: 'put_notification_ctx', notification_ctx_id: 'n1' }, '{}');
    expect(ctx.header.status).toEqual({ code: 200, status: 'OK' });
    expect(client.frames.some((f) => f.header.id === 'TMtel')).toBe(false);
  });
});

describe('garbage and isolation', () => {
  it('closes a connection that sends garbage and leaves the others working', async () => {
    const good = await connect('alice');
    const bad = await connect('mallory');
    bad.sendRaw(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    const close = await bad.next((f) => f.header.method === 'close');
    expect(close.header.status).toMatchObject({ code: 406 });
    expect((await bad.closed).code).toBe(1002);
    const reply = await good.http('GET', '/nowhere');
    expect(reply.header.http_status).toMatchObject({ code: 404 });
    expect(h.realtime.twilsock.registry.isOnline('mallory')).toBe(false);
  });

  it('closes on a truncated frame and on a text frame that is not twilsock', async () => {
    const truncated = await connect('alice');
    truncated.sendRaw(Buffer.from('TWILSOCK V3.0 100\r\n{"method":"init"'));
    expect((await truncated.closed).code).toBe(1002);
    const text = await connect();
    text.sendRaw('hello');
    expect((await text.closed).code).toBe(1002);
  });
});

describe('registry, notifications and lifecycle', () => {
  it('pushes to every connection of an identity that registered the type, encoded once', async () => {
    const a1 = await connect('alice');
    const a2 = await connect('alice');
    const bob = await connect('bob');
    const sent = h.realtime.twilsock.notifyIdentity('alice', 'twilio.ipmsg.typing_indicator', { channel_sid: 'CH1', identity: 'bob', typing_timeout: 5 });
    expect(sent).toBe(2);
    for (const client of [a1, a2]) {
      const frame = await client.next((f) => f.header.method === 'notification');
      expect(frame.header.message_type).toBe('twilio.ipmsg.typing_indicator');
      expect(frame.body).toEqual({ channel_sid: 'CH1', identity: 'bob', typing_timeout: 5 });
    }
    expect(h.realtime.twilsock.notifyIdentity('alice', 'not.registered', {})).toBe(0);
    expect(h.realtime.twilsock.notifyIdentity('alice', 'twilio.ipmsg.typing_indicator', {}, { exceptConnectionId: [...h.realtime.twilsock.registry.connectionsOf('alice')][0]?.id })).toBe(1);
    expect(bob.frames.filter((f) => f.header.method === 'notification')).toEqual([]);
  });

  it('reports identities online on their first connection and offline after their last', async () => {
    const log: string[] = [];
    h.realtime.twilsock.on('identityOnline', (identity) => log.push(`online:${identity}`));
    h.realtime.twilsock.on('identityOffline', (identity) => log.push(`offline:${identity}`));
    h.realtime.twilsock.on('connected', (c) => log.push(`connected:${c.identity}`));
    h.realtime.twilsock.on('disconnected', (c, info) => log.push(`disconnected:${c.identity}:${info.lastForIdentity}`));
    const first = await connect('alice');
    const second = await connect('alice');
    const lifecycle = (recheck: () => void) => h.realtime.twilsock.on('disconnected', () => queueMicrotask(recheck));
    first.close();
    await when(() => log.length === 4, lifecycle);
    second.terminate();
    await when(() => log.length === 6, lifecycle);
    expect(log).toEqual([
      'connected:alice',
      'online:alice',
      'connected:alice',
      'disconnected:alice:false',
      'disconnected:alice:true',
      'offline:alice',
    ]);
  });
});

describe('token lifecycle over the raw protocol', () => {
  it('sends token_about_to_expire at the lead time and close 410 at expiry, then closes after the ack', async () => {
    const client = await RawClient.connect(h.wsUri);
    clients.push(client);
    await client.init(mintToken({ identity: 'alice', ttlSeconds: 3600 }));
    h.clock.advance(3600_000 - 181_000);
    expect(client.frames.some((f) => f.header.method === 'client_update')).toBe(false);
    h.clock.advance(2_000);
    const warning = await client.next((f) => f.header.method === 'client_update');
    expect(warning.header.client_update_type).toBe('token_about_to_expire');
    h.clock.advance(180_000);
    const close = await client.next((f) => f.header.method === 'close');
    expect(close.header.status).toMatchObject({ code: 410, errorCode: 20104 });
    expect((await client.closed).code).toBe(1000);
  });

  it('update re-arms the timers on the same connection; an expired update is 401/20104', async () => {
    const client = await connect();
    await client.init(mintToken({ identity: 'alice', ttlSeconds: 600 }));
    const connectionId = [...h.realtime.twilsock.registry.connectionsOf('alice')][0]?.id;
    const updated = await client.request({ method: 'update', token: mintToken({ identity: 'alice', ttlSeconds: 3600 }) });
    expect(updated.header.status).toEqual({ code: 200, status: 'OK' });
    h.clock.advance(900_000); // past the first token's expiry
    const stale = mintToken({ identity: 'alice', ttlSeconds: 60 }); // issued at real time, so already expired on the clock
    const refused = await client.request({ method: 'update', token: stale });
    expect(refused.header.status).toMatchObject({ code: 401, errorCode: 20104 });
    expect(client.frames.some((f) => f.header.method === 'close')).toBe(false);
    expect([...h.realtime.twilsock.registry.connectionsOf('alice')][0]?.id).toBe(connectionId);
    const otherIdentity = await client.request({ method: 'update', token: mintToken({ identity: 'eve', ttlSeconds: 7200 }) });
    expect(otherIdentity.header.status).toMatchObject({ code: 401 });
  });
});
