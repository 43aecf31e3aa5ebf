import { z } from 'zod';
import { ZJsonObject } from '../../json';
import { json, param, sdkCaller, type EdgeRequest } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { documentDescriptor, itemFields, listDescriptor, mapDescriptor } from '../descriptors';
import type { ItemRecord, SyncObjectRecord } from '../state';
import * as errors from '../sync-errors';
import { LIST_KEYS, ifMatch, parseBody, subjectOf, writable, type SyncRouteDeps } from './route-helpers';

const ZCreate = z.object({ unique_name: z.string().nullish(), data: ZJsonObject.optional(), ttl: z.number().nonnegative().optional() });
const ZData = z.object({ data: ZJsonObject, ttl: z.number().nonnegative().optional() });

/**
 * Writes of the Sync SDK (`doc.set`, `list.push`, `map.set`, removals, creation). Conversations
 * never issues them; they are here for completeness and gated by `canWrite` (default: refused).
 * Replies follow what the SDK reads: 201 for additions, item deletes carry `last_event_id`.
 */
export function registerSyncWriteRoutes(router: ProductRoutes, deps: SyncRouteDeps): void {
  const { engine } = deps;

  for (const [type, collection] of [['document', 'Documents'], ['list', 'Lists'], ['map', 'Maps']] as const) {
    router.post(`/v3/${collection}`, (request) => {
      const body = parseBody(request, ZCreate);
      const uniqueName = body.unique_name ?? null;
      if (!deps.canWrite?.(subjectOf(request), { action: 'create', type, uniqueName })) throw errors.accessForbidden();
      const options = { uniqueName, ttlSeconds: body.ttl, tag: { createdBy: sdkCaller(request).identity } };
      if (type === 'document') return json(201, documentDescriptor(request.baseUrl, engine.createDocument({ ...options, data: body.data })));
      if (type === 'list') return json(201, listDescriptor(request.baseUrl, engine.createList(options)));
      return json(201, mapDescriptor(request.baseUrl, engine.createMap(options)));
    });

    router.delete(`/v3/${collection}/{id}`, (request) => {
      const record = writable(deps, request, type, param(request, 'id'), 'remove');
      const event = engine.remove(type, record.sid);
      return json(200, { sid: record.sid, last_event_id: event.id, date_updated: event.date });
    });
  }

  router.post('/v3/Documents/{id}', (request) => {
    const record = writable(deps, request, 'document', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const event = engine.setDocument(record.sid, body.data, { ifRevision: ifMatch(request), ttlSeconds: body.ttl });
    return json(200, rootWriteResult(record, event.id));
  });

  router.post('/v3/Lists/{id}/Items', (request) => {
    const record = writable(deps, request, 'list', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const { item } = engine.appendListItem(record.sid, body.data, { ttlSeconds: body.ttl });
    return json(201, { index: item.key, ...itemWriteResult(request, 'list', record.sid, item) });
  });

  router.post('/v3/Lists/{id}/Items/{index}', (request) => {
    const record = writable(deps, request, 'list', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const index = LIST_KEYS.parse(param(request, 'index'));
    const { item } = engine.setListItem(record.sid, index, body.data, { mode: 'update', ifRevision: ifMatch(request), ttlSeconds: body.ttl });
    return json(200, { index: item.key, ...itemWriteResult(request, 'list', record.sid, item) });
  });

  router.delete('/v3/Lists/{id}/Items/{index}', (request) => {
    const record = writable(deps, request, 'list', param(request, 'id'), 'update');
    const index = LIST_KEYS.parse(param(request, 'index'));
    const event = engine.removeListItem(record.sid, index, { ifRevision: ifMatch(request) });
    return json(200, { index, last_event_id: event.id, date_updated: event.date });
  });

  router.put('/v3/Maps/{id}/Items/{key}', (request) => {
    const record = writable(deps, request, 'map', param(request, 'id'), 'update');
    const body = parseBody(request, ZData);
    const result = engine.setMapItem(record.sid, param(request, 'key'), body.data, { ifRevision: ifMatch(request), ttlSeconds: body.ttl });
    // 201 tells the SDK the item was added rather than updated.
    return json(result.added ? 201 : 200, { key: result.item.key, ...itemWriteResult(request, 'map', record.sid, result.item) });
  });

  router.delete('/v3/Maps/{id}/Items/{key}', (request) => {
    const record = writable(deps, request, 'map', param(request, 'id'), 'update');
    const key = param(request, 'key');
    const event = engine.removeMapItem(record.sid, key, { ifRevision: ifMatch(request) });
    return json(200, { key, last_event_id: event.id, date_updated: event.date });
  });
}

function rootWriteResult(record: SyncObjectRecord, eventId: number) {
  return { revision: String(eventId), last_event_id: eventId, date_updated: record.dateUpdated, date_expires: record.dateExpires };
}

/** Item descriptors without `data`: the SDK keeps the data it sent. */
function itemWriteResult(request: EdgeRequest, type: 'list' | 'map', sid: string, item: ItemRecord) {
  const { data: _data, ...fields } = itemFields(request.baseUrl, type, sid, item);
  return fields;
}
