import { z } from 'zod';
import { ZJsonObject } from '../../json';
import type { UpstreamRouter } from '../../upstream/router';
import { ok, param } from '../../upstream/route-helpers';
import type { RoutedRequest } from '../../upstream/types';
import { documentDescriptor, itemFields, listDescriptor, mapDescriptor } from '../descriptors';
import type { ItemRecord, SyncObjectRecord } from '../state';
import * as errors from '../sync-errors';
import { LIST_KEYS, ifMatch, parseBody, subjectOf, writable, type SyncRouteDeps } from './route-helpers';

const ZCreate = z.object({ unique_name: z.string().nullish(), data: ZJsonObject.optional(), ttl: z.number().nonnegative().optional() });
const ZData = z.object({ data: ZJsonObject, ttl: z.number().nonnegative().optional() });

/**
 * §8.7 writes of the Sync SDK (`doc.set`, `list.push`, `map.set`, removals, creation). Conversations
 * never issues them; they are here for completeness and gated by `canWrite` (default: refused).
 * Replies follow what the SDK reads: 201 for additions, item deletes carry `last_event_id`.
 */
export function registerSyncWriteRoutes(router: UpstreamRouter, deps: SyncRouteDeps): void {
  const { engine } = deps;

  for (const [type, collection] of [['document', 'Documents'], ['list', 'Lists'], ['map', 'Maps']] as const) {
    router.add('POST', `/v3/${collection}`, (request) => {
      const body = parseBody(request, ZCreate);
      const uniqueName = body.unique_name ?? null;
      if (!deps.canWrite?.(subjectOf(request), { action: 'create', type, uniqueName })) throw errors.accessForbidden();
      const options = { uniqueName, ttlSeconds: body.ttl, tag: { createdBy: request.caller.identity } };
      if (type === 'document') return ok(documentDescriptor(request.baseUrl, engine.createDocument({ ...options, data: body.data })), 201);
      if (type === 'list') return ok(listDescriptor(request.baseUrl, engine.createList(options)), 201);
      return ok(mapDescriptor(request.baseUrl, engine.createMap(options)), 201);
    });

    router.add('DELETE', `/v3/${collection}/:id`, (request) => {
      const record = writable(deps, request, type, param(request, 'id'), 'remove');
      const event = engine.remove(type, record.sid);
      return ok({ sid: record.sid, last_event_id: event.id, date_updated: event.date });
    });
  }

  router.add('POST', '/v3/Documents/:id', (request) => {
    const record = writable(deps, request, 'document', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const event = engine.setDocument(record.sid, body.data, { ifRevision: ifMatch(request), ttlSeconds: body.ttl });
    return ok(rootWriteResult(record, event.id));
  });

  router.add('POST', '/v3/Lists/:id/Items', (request) => {
    const record = writable(deps, request, 'list', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const { item } = engine.appendListItem(record.sid, body.data, { ttlSeconds: body.ttl });
    return ok({ index: item.key, ...itemWriteResult(request, 'list', record.sid, item) }, 201);
  });

  router.add('POST', '/v3/Lists/:id/Items/:index', (request) => {
    const record = writable(deps, request, 'list', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const index = LIST_KEYS.parse(param(request, 'index'));
    const { item } = engine.setListItem(record.sid, index, body.data, { mode: 'update', ifRevision: ifMatch(request), ttlSeconds: body.ttl });
    return ok({ index: item.key, ...itemWriteResult(request, 'list', record.sid, item) });
  });

  router.add('DELETE', '/v3/Lists/:id/Items/:index', (request) => {
    const record = writable(deps, request, 'list', param(request, 'id'), 'update');
    const index = LIST_KEYS.parse(param(request, 'index'));
    const event = engine.removeListItem(record.sid, index, { ifRevision: ifMatch(request) });
    return ok({ index, last_event_id: event.id, date_updated: event.date });
  });

  router.add('PUT', '/v3/Maps/:id/Items/:key', (request) => {
    const record = writable(deps, request, 'map', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const result = engine.setMapItem(record.sid, param(request, 'key'), body.data, { ifRevision: ifMatch(request), ttlSeconds: body.ttl });
    // §8.7: 201 tells the SDK the item was added rather than updated.
    return ok({ key: result.item.key, ...itemWriteResult(request, 'map', record.sid, result.item) }, result.added ? 201 : 200);
  });

  router.add('DELETE', '/v3/Maps/:id/Items/:key', (request) => {
    const record = writable(deps, request, 'map', param(request, 'id'), 'update');
    const key = param(request, 'key');
    const event = engine.removeMapItem(record.sid, key, { ifRevision: ifMatch(request) });
    return ok({ key, last_event_id: event.id, date_updated: event.date });
  });
}

function rootWriteResult(record: SyncObjectRecord, eventId: number) {
  return { revision: String(eventId), last_event_id: eventId, date_updated: record.dateUpdated, date_expires: record.dateExpires };
}

/** Item descriptors without `data`: the SDK keeps the data it sent. */
function itemWriteResult(request: RoutedRequest, type: 'list' | 'map', sid: string, item: ItemRecord) {
  const { data: _data, ...fields } = itemFields(request.baseUrl, type, sid, item);
  return fields;
}
