import { json, param, type EdgeRequest } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { documentDescriptor, listDescriptor, listItemDescriptor, mapDescriptor, mapItemDescriptor } from '../descriptors';
import { queryItems, type ItemPage } from '../item-query';
import { findItem } from '../sorted-items';
import * as errors from '../sync-errors';
import type { ItemKey, ItemRecord } from '../state';
import { DEFAULT_PAGE_SIZE, LIST_KEYS, MAP_KEYS, itemsView, openable, parseItemQuery, queryParam, type SyncRouteDeps } from './route-helpers';

/**
 * Sync reads. Objects are addressed by SID or unique name (`{id}` arrives decoded). Objects the
 * caller may not see answer 404 exactly like missing ones, except that a connection that held one when
 * it lost access still reads its items as they were then (`itemsView`, `ObjectHolds`).
 */
export function registerSyncReadRoutes(router: ProductRoutes, deps: SyncRouteDeps): void {
  router.get('/v3/Documents/{id}', (request) => {
    const record = openable(deps, request, 'document', param(request, 'id'));
    return json(200, documentDescriptor(request.baseUrl, record));
  });

  router.get('/v3/Lists/{id}', (request) => {
    const record = openable(deps, request, 'list', param(request, 'id'));
    const descriptor = listDescriptor(request.baseUrl, record);
    if (!includeItems(request)) return json(200, descriptor);
    const page = queryItems(record.items, { kind: 'page', order: 'asc', pageSize: DEFAULT_PAGE_SIZE, hideExpired: true }, deps.clock.now());
    return json(200, { ...descriptor, items: page.items.map((item) => listItemDescriptor(request.baseUrl, record.sid, item)) });
  });

  router.get('/v3/Maps/{id}', (request) => {
    const record = openable(deps, request, 'map', param(request, 'id'));
    const descriptor = mapDescriptor(request.baseUrl, record);
    // User-info maps are opened with Include=items and read friendlyName/attributes from them.
    if (!includeItems(request)) return json(200, descriptor);
    const page = queryItems(record.items, { kind: 'page', order: 'asc', pageSize: DEFAULT_PAGE_SIZE, hideExpired: true }, deps.clock.now());
    return json(200, { ...descriptor, items: page.items.map((item) => mapItemDescriptor(request.baseUrl, record.sid, item)) });
  });

  router.get('/v3/Lists/{id}/Items', (request) => {
    const { record, horizon } = itemsView(deps, request, 'list', param(request, 'id'));
    const page = queryItems(record.items, parseItemQuery(request, LIST_KEYS), deps.clock.now(), horizon);
    return json(200, itemsBody(page, (item) => listItemDescriptor(request.baseUrl, record.sid, item)));
  });

  router.get('/v3/Maps/{id}/Items', (request) => {
    const { record, horizon } = itemsView(deps, request, 'map', param(request, 'id'));
    const page = queryItems(record.items, parseItemQuery(request, MAP_KEYS), deps.clock.now(), horizon);
    return json(200, itemsBody(page, (item) => mapItemDescriptor(request.baseUrl, record.sid, item)));
  });

  router.get('/v3/Lists/{id}/Items/{index}', (request) => {
    const { record, horizon } = itemsView(deps, request, 'list', param(request, 'id'));
    const item = findItem(record.items, LIST_KEYS.parse(param(request, 'index')));
    if (!item || !isWithin(item, horizon)) throw errors.itemNotFound('list');
    return json(200, listItemDescriptor(request.baseUrl, record.sid, item));
  });

  router.get('/v3/Maps/{id}/Items/{key}', (request) => {
    const { record, horizon } = itemsView(deps, request, 'map', param(request, 'id'));
    const item = findItem(record.items, param(request, 'key'));
    if (!item || !isWithin(item, horizon)) throw errors.itemNotFound('map');
    return json(200, mapItemDescriptor(request.baseUrl, record.sid, item));
  });
}

/** `meta` is always present; the client dereferences `meta.previous_token`. */
function itemsBody<K extends ItemKey, D>(page: ItemPage<K>, describe: (item: ItemPage<K>['items'][number]) => D) {
  return { items: page.items.map(describe), meta: { previous_token: page.previousToken, next_token: page.nextToken } };
}

function isWithin(item: ItemRecord, horizon: number | null): boolean {
  return horizon === null || item.lastEventId <= horizon;
}

function includeItems(request: EdgeRequest): boolean {
  return queryParam(request, 'Include') === 'items';
}
