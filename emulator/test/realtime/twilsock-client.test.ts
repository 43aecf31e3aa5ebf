import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InitRegistration, TwilsockClient } from 'twilsock';
import { json, type EdgeRequest } from '../../src/http/route';
import { mintToken } from './support/credentials';
import { setupHarness } from './support/harness';
import { nextEvent } from './support/wait-for';

const h = setupHarness();
let client: TwilsockClient | null = null;
let seen: EdgeRequest[] = [];

beforeEach(() => {
  seen = [];
  h.routes.get('/Client/v2/Services/{Service}/Users/{Identity}', (request) => {
    seen.push(request);
    return json(200, { identity: request.params.Identity, page: request.query.get('PageSize') });
  });
  h.routes.post('/Client/v2/Services/{Service}/Conversations/{Sid}/Messages', (request) => {
    seen.push(request);
    return json(201, { index: 7, body: request.body.kind === 'json' ? request.body.value : null });
  });
  h.routes.delete('/things/{Id}', (request) => {
    seen.push(request);
    return json(200, { last_event_id: 3 });
  });
});
afterEach(async () => {
  await client?.disconnect();
  client = null;
});

/** The real twilsock client, created as Conversations creates it (productId ip_messaging). */
async function connectedClient(identity: string, messageTypes: string[] = ['twilio.ipmsg.typing_indicator']): Promise<TwilsockClient> {
  const registration = new InitRegistration('ip_messaging');
  registration.populateInitRegistrations(messageTypes);
  const created = new TwilsockClient(mintToken({ identity }), 'ip_messaging', {
    twilsock: { uri: h.wsUri },
    initRegistrations: [registration],
    clientMetadata: { type: 'test' },
    tweaks: null,
  });
  client = created;
  const connected = nextEvent(created, 'connected');
  created.connect();
  await connected;
  return created;
}

describe('real twilsock client', () => {
  it('tunnels requests the way the server decodes them and gets the HTTP result back', async () => {
    const tsock = await connectedClient('alice@example.com');
    const got = await tsock.get(`${h.baseUrl}/Client/v2/Services/IS1/Users/${encodeURIComponent('alice@example.com')}?PageSize=50&Order=asc`, {});
    expect(got.status).toEqual({ code: 200, status: 'OK' });
    expect(got.body).toEqual({ identity: 'alice@example.com', page: '50' });
    expect(Object.fromEntries(seen[0]?.query ?? [])).toEqual({ PageSize: '50', Order: 'asc' });

    const posted = await tsock.post(
      `${h.baseUrl}/Client/v2/Services/IS1/Conversations/CH1/Messages`,
      { 'Content-Type': 'application/json; charset=utf-8', 'X-Twilio-Mutation-Id': 'mut-1' },
      { body: 'héllo 👋', attributes: '{}' },
    );
    expect(posted.status).toEqual({ code: 201, status: 'Created' });
    expect(posted.body).toEqual({ index: 7, body: { body: 'héllo 👋', attributes: '{}' } });
    expect(seen[1]?.headers['x-twilio-mutation-id']).toBe('mut-1');
  });

  it('tolerates the Sync DELETE that sends the product id as its body', async () => {
    const tsock = await connectedClient('alice');
    const deleted = await tsock.delete(`${h.baseUrl}/things/MP1`, { 'Content-Type': 'application/json' }, 'ip_messaging');
    expect(deleted.body).toEqual({ last_event_id: 3 });
    expect(seen[0]?.body).toEqual({ kind: 'text', value: 'ip_messaging' });
  });

  it('turns HTTP errors into upstream errors with status and body', async () => {
    const tsock = await connectedClient('alice');
    await expect(tsock.get(`${h.baseUrl}/v3/Documents/missing`, {})).rejects.toMatchObject({ status: 404, body: { code: 54100 } });
  });

  it('receives notifications of the types it registered', async () => {
    const tsock = await connectedClient('alice');
    const message = nextEvent<[string, unknown]>(tsock, 'message');
    expect(h.realtime.twilsock.notifyIdentity('alice', 'twilio.ipmsg.typing_indicator', { channel_sid: 'CH1', identity: 'Zoë 🦊', typing_timeout: 5 })).toBe(1);
    expect(await message).toEqual(['twilio.ipmsg.typing_indicator', { channel_sid: 'CH1', identity: 'Zoë 🦊', typing_timeout: 5 }]);
    expect(h.realtime.twilsock.notifyIdentity('alice', 'twilio.sync.event', {})).toBe(0); // not registered
  });
});
