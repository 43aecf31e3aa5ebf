import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/realtime/json';
import type { AccessSubject } from '../../src/realtime/sync/access';
import type { SyncObjectInfo } from '../../src/realtime/sync/state';
import { SERVICE_SID, mintToken } from './support/credentials';
import { setupHarness } from './support/harness';
import { RawClient } from './support/raw-client';
import { connectedSyncClient, connectionsOf, subscribed } from './support/sync-clients';
import { nextEvent, when } from './support/wait-for';

const SECRET = 'the-secret-text';

/** Objects tagged `{ members: [...] }` are visible to those identities only, the way per-user objects will be. */
const revoked = new Set<string>();
function canAccess({ identity, serviceSid }: AccessSubject, object: SyncObjectInfo): boolean {
  if (serviceSid !== SERVICE_SID) return false; // objects belong to one Conversation Service
  const tag = object.tag as { members?: JsonValue } | null;
  const members = tag && Array.isArray(tag.members) ? tag.members : null;
  return members === null || (members.includes(identity) && !revoked.has(`${identity}:${object.sid}`));
}

const h = setupHarness({ canAccess });
beforeEach(() => {
  revoked.clear();
});

function privateObjects() {
  const doc = h.realtime.sync.createDocument({ uniqueName: 'alice.private', data: { note: SECRET }, tag: { members: ['alice'] } });
  const map = h.realtime.sync.createMap({ uniqueName: 'alice.channels', tag: { members: ['alice'] } });
  h.realtime.sync.setMapItem(map.sid, 'CH1', { note: SECRET });
  return { doc, map };
}

describe('objects an identity may not see', () => {
  it('look exactly like missing objects to the real SyncClient', async () => {
    const { doc, map } = privateObjects();
    const bob = await connectedSyncClient(h, 'bob');
    await expect(bob.document({ id: 'alice.private', mode: 'open_existing' })).rejects.toMatchObject({ status: 404, code: 54100 });
    await expect(bob.document({ id: doc.sid, mode: 'open_existing' })).rejects.toMatchObject({ status: 404, code: 54100 });
    await expect(bob.map({ id: map.sid, mode: 'open_existing' })).rejects.toMatchObject({ status: 404, code: 54200 });
    const alice = await connectedSyncClient(h, 'alice');
    expect((await alice.document({ id: 'alice.private', mode: 'open_existing' })).data).toEqual({ note: SECRET });
  });

  it('are scoped to the chat service of the token', async () => {
    const shared = h.realtime.sync.createDocument({ uniqueName: 'shared', data: { note: SECRET } });
    const outsider = await connectedSyncClient(h, 'alice', mintToken({ identity: 'alice', serviceSid: `IS${'e'.repeat(32)}` }));
    await expect(outsider.document({ id: shared.sid, mode: 'open_existing' })).rejects.toMatchObject({ status: 404 });
    const insider = await connectedSyncClient(h, 'carol');
    expect((await insider.document({ id: shared.sid, mode: 'open_existing' })).data).toEqual({ note: SECRET });
  });

  it('refuses item queries, writes and subscriptions over the raw protocol without leaking anything', async () => {
    const { doc, map } = privateObjects();
    const bob = await RawClient.connect(h.wsUri);
    await bob.init(mintToken({ identity: 'bob' }));
    const items = await bob.http('GET', `/v3/Maps/${map.sid}/Items`, { params: { HideExpired: 'true', Key: 'CH1' } });
    expect(items.header.http_status).toMatchObject({ code: 404 });
    const write = await bob.http('POST', `/v3/Documents/${doc.sid}`, { body: JSON.stringify({ data: { note: 'pwned' } }) });
    expect(write.header.http_status).toMatchObject({ code: 404 });
    const ownWrite = await bob.http('POST', '/v3/Documents', { body: JSON.stringify({ unique_name: 'bob.doc', data: {} }) });
    expect(ownWrite.header.http_status).toMatchObject({ code: 403 });
    expect(ownWrite.body).toMatchObject({ code: 54007 });

    await bob.http('POST', '/v4/Subscriptions', {
      body: JSON.stringify({
        action: 'establish',
        correlation_id: 42,
        requests: [
          { object_sid: doc.sid, object_type: 'document', last_event_id: 0 },
          { object_sid: map.sid, object_type: 'map', last_event_id: 0 },
        ],
      }),
    });
    const failed = await bob.next((f) => (f.body as { event_type?: string } | undefined)?.event_type === 'subscription_failed');
    expect(failed.body).toEqual({
      event_type: 'subscription_failed',
      correlation_id: 42,
      events: [
        { object_sid: doc.sid, object_type: 'document', error: { status: 404, code: 54100, message: 'Document not found' } },
        { object_sid: map.sid, object_type: 'map', error: { status: 404, code: 54200, message: 'Map not found' } },
      ],
    });
    h.realtime.sync.setMapItem(map.sid, 'CH2', { note: SECRET });
    h.realtime.sync.setDocument(doc.sid, { note: `${SECRET} 2` });
    expect(h.realtime.subscriptions.subscriberCount(doc.sid)).toBe(0);
    expect(h.realtime.subscriptions.subscriberCount(map.sid)).toBe(0);
    await bob.http('GET', '/nowhere'); // frames are ordered: anything pushed before this reply has arrived
    const everything = JSON.stringify(bob.frames);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('alice.private');
    bob.terminate();
  });

  it('after access is revoked, live events stop and re-subscribing fails, which the SDK treats as removal', async () => {
    const { doc } = privateObjects();
    const alice = await connectedSyncClient(h, 'alice');
    const document = await alice.document({ id: doc.sid, mode: 'open_existing' });
    await subscribed(h, doc.sid);
    const updates: unknown[] = [];
    document.on('updated', ({ data }: { data: unknown }) => updates.push(data));

    revoked.add(`alice:${doc.sid}`);
    expect(h.realtime.subscriptions.recheckAccess(doc.sid)).toBe(1);
    h.realtime.sync.setDocument(doc.sid, { note: 'after revocation' });

    const removed = nextEvent(document, 'removed');
    for (const connection of connectionsOf(h, 'alice')) connection.terminate();
    await removed; // the re-established subscription failed with 404
    expect(updates).toEqual([]);
    expect(h.realtime.subscriptions.subscriberCount(doc.sid)).toBe(0);
  });
});

describe('a connection that held an object when it lost access', () => {
  const AFTER = 'written after the loss';
  const keysOf = (reply: { body: unknown }) => (reply.body as { items: { key: string }[] }).items.map((item) => item.key);

  async function holdingAlice() {
    const { doc, map } = privateObjects();
    h.realtime.sync.setMapItem(map.sid, 'CH2', { note: 'before' });
    const alice = await RawClient.connect(h.wsUri);
    await alice.init(mintToken({ identity: 'alice' }));
    const opened = await alice.http('GET', `/v3/Maps/${map.sid}`);
    expect(opened.header.http_status).toMatchObject({ code: 200 });
    await alice.http('GET', `/v3/Documents/${doc.sid}`);
    revoked.add(`alice:${map.sid}`).add(`alice:${doc.sid}`);
    h.realtime.subscriptions.recheckAccess(map.sid);
    h.realtime.subscriptions.recheckAccess(doc.sid);
    h.realtime.sync.setMapItem(map.sid, 'CH1', { note: AFTER });
    h.realtime.sync.setMapItem(map.sid, 'CH3', { note: AFTER });
    return { alice, doc, map };
  }

  it('still reads its items, but only as they stood at the loss: nothing changed since, no error', async () => {
    const { alice, map } = await holdingAlice();
    const page = await alice.http('GET', `/v3/Maps/${map.sid}/Items`, { params: { HideExpired: 'true', PageSize: '50', Order: 'asc' } });
    expect(page.header.http_status).toMatchObject({ code: 200 });
    expect(keysOf(page)).toEqual(['CH2']);
    expect(page.body).toMatchObject({ meta: { previous_token: null, next_token: null } });
    const one = await alice.http('GET', `/v3/Maps/${map.sid}/Items`, { params: { HideExpired: 'true', Key: 'CH3' } });
    expect(keysOf(one)).toEqual([]);
    expect((await alice.http('GET', `/v3/Maps/${map.sid}/Items/CH1`)).header.http_status).toMatchObject({ code: 404 });
    expect((await alice.http('GET', `/v3/Maps/${map.sid}/Items/CH2`)).header.http_status).toMatchObject({ code: 200 });
    expect(JSON.stringify(alice.frames)).not.toContain(AFTER);
    alice.terminate();
  });

  it('cannot open it again or subscribe to it, and no other connection of hers can read it', async () => {
    const { alice, doc, map } = await holdingAlice();
    expect((await alice.http('GET', `/v3/Maps/${map.sid}`)).header.http_status).toMatchObject({ code: 404 });
    expect((await alice.http('GET', `/v3/Documents/${doc.sid}`)).header.http_status).toMatchObject({ code: 404 });
    await alice.http('POST', '/v4/Subscriptions', {
      body: JSON.stringify({ action: 'establish', correlation_id: 7, requests: [{ object_sid: map.sid, object_type: 'map', last_event_id: 0 }] }),
    });
    const failed = await alice.next((f) => (f.body as { event_type?: string } | undefined)?.event_type === 'subscription_failed');
    expect(failed.body).toMatchObject({ events: [{ object_sid: map.sid, error: { status: 404, code: 54200 } }] });

    const again = await RawClient.connect(h.wsUri);
    await again.init(mintToken({ identity: 'alice' }));
    expect((await again.http('GET', `/v3/Maps/${map.sid}/Items`)).header.http_status).toMatchObject({ code: 404 });
    again.terminate();
    alice.terminate();
  });

  it('loses even that once it cancels its subscription, and sees everything again when access returns', async () => {
    const { alice, map } = await holdingAlice();
    await alice.http('POST', '/v4/Subscriptions', {
      body: JSON.stringify({ action: 'cancel', correlation_id: 8, requests: [{ object_sid: map.sid, object_type: 'map' }] }),
    });
    expect((await alice.http('GET', `/v3/Maps/${map.sid}/Items`)).header.http_status).toMatchObject({ code: 404 });

    revoked.delete(`alice:${map.sid}`);
    h.realtime.subscriptions.recheckAccess(map.sid);
    expect(keysOf(await alice.http('GET', `/v3/Maps/${map.sid}/Items`))).toEqual(['CH1', 'CH2', 'CH3']);
    alice.terminate();
  });

  it('keeps the view of its first loss until it reads with access again', async () => {
    const { alice, map } = await holdingAlice();
    h.realtime.subscriptions.recheckAccess(map.sid); // another change of membership; alice is still out
    expect(keysOf(await alice.http('GET', `/v3/Maps/${map.sid}/Items`))).toEqual(['CH2']);

    revoked.delete(`alice:${map.sid}`);
    expect(keysOf(await alice.http('GET', `/v3/Maps/${map.sid}/Items`))).toEqual(['CH1', 'CH2', 'CH3']);
    revoked.add(`alice:${map.sid}`);
    h.realtime.subscriptions.recheckAccess(map.sid);
    h.realtime.sync.setMapItem(map.sid, 'CH4', { note: AFTER });
    expect(keysOf(await alice.http('GET', `/v3/Maps/${map.sid}/Items`))).toEqual(['CH1', 'CH2', 'CH3']);
    alice.terminate();
  });

  it('is forgotten when the connection closes or the object is removed', async () => {
    const { alice, doc, map } = await holdingAlice();
    expect(h.realtime.subscriptions.holds.holderCount(map.sid)).toBe(1);
    h.realtime.sync.remove('document', doc.sid);
    expect(h.realtime.subscriptions.holds.holderCount(doc.sid)).toBe(0);
    alice.terminate();
    await alice.closed;
    // The server lets go of the connection's holds when it sees the socket close.
    await when(
      () => h.realtime.subscriptions.holds.holderCount(map.sid) === 0,
      (recheck) => h.realtime.twilsock.on('disconnected', () => queueMicrotask(recheck)),
    );
  });
});
