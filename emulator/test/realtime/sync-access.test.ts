import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/realtime/json';
import type { AccessSubject } from '../../src/realtime/sync/access';
import type { SyncObjectInfo } from '../../src/realtime/sync/state';
import { SERVICE_SID, mintToken } from './support/credentials';
import { setupHarness } from './support/harness';
import { RawClient } from './support/raw-client';
import { connectedSyncClient, connectionsOf, subscribed } from './support/sync-clients';
import { nextEvent } from './support/wait-for';

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
