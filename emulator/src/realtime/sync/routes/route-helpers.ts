import type { z } from 'zod';
import type { Clock } from '../../../clock';
import { sdkCaller, type EdgeRequest } from '../../../http/route';
import type { SyncEngine } from '../engine';
import { decodePageToken, type ItemQuery, type SortOrder } from '../item-query';
import { objectInfo, type ItemKey, type SyncObjectType } from '../state';
import { accessSubject, type AccessSubject, type CanAccess, type CanWrite } from '../access';
import type { SubscriptionHub } from '../subscription-hub';
import * as errors from '../sync-errors';

export type SyncRouteDeps = {
  engine: SyncEngine;
  hub: SubscriptionHub;
  canAccess: CanAccess;
  /** Default: every client write is refused with 403 (54007); chat state changes only server-side. */
  canWrite?: CanWrite;
  clock: Clock;
};

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** Resolves an object the caller may see; anything else is indistinguishable from a missing object. */
export function readable<T extends SyncObjectType>(deps: SyncRouteDeps, request: EdgeRequest, type: T, id: string) {
  const record = deps.engine.find(type, id);
  if (!record || !deps.canAccess(subjectOf(request), objectInfo(record))) throw errors.objectNotFound(type);
  return record;
}

/**
 * An object the caller may open (a descriptor GET): it needs access now, and the connection then holds
 * it. Opening after a loss of access is refused even for a former holder, since the SDK only opens an
 * object it is about to use, and a refusal is what makes it drop a conversation it half-opened.
 */
export function openable<T extends SyncObjectType>(deps: SyncRouteDeps, request: EdgeRequest, type: T, id: string) {
  const record = readable(deps, request, type, id);
  const peer = sdkCaller(request).peer;
  if (peer) deps.hub.holds.hold(peer, record.sid);
  return record;
}

/**
 * The items of an object as the caller may read them: all of them (with access; the connection then
 * holds the object), or, for a connection that held it when it lost access, those not changed since
 * (`horizon`, see `ObjectHolds`). Anyone else gets the missing object's 404.
 */
export function itemsView<T extends 'list' | 'map'>(deps: SyncRouteDeps, request: EdgeRequest, type: T, id: string) {
  const record = deps.engine.find(type, id);
  if (!record) throw errors.objectNotFound(type);
  const peer = sdkCaller(request).peer;
  if (deps.canAccess(subjectOf(request), objectInfo(record))) {
    if (peer) deps.hub.holds.hold(peer, record.sid);
    return { record, horizon: null };
  }
  // Holds belong to twilsock connections; a plain HTTP caller never held anything.
  const horizon = peer ? deps.hub.holds.horizonOf(peer.id, record.sid) : undefined;
  if (horizon === undefined) throw errors.objectNotFound(type);
  return { record, horizon };
}

export function writable<T extends SyncObjectType>(deps: SyncRouteDeps, request: EdgeRequest, type: T, id: string, action: 'update' | 'remove') {
  const record = readable(deps, request, type, id);
  if (!deps.canWrite?.(subjectOf(request), { action, object: objectInfo(record) })) throw errors.accessForbidden();
  return record;
}

export function subjectOf(request: EdgeRequest): AccessSubject {
  const caller = sdkCaller(request);
  return accessSubject(caller.identity, caller.claims);
}

export function queryParam(request: EdgeRequest, name: string): string | undefined {
  const values = request.query.getAll(name);
  if (values.length > 1) throw errors.invalidRequest(`Parameter ${name} given more than once`);
  return values[0];
}

export function parseBody<T>(request: EdgeRequest, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(request.body.kind === 'json' ? request.body.value : undefined);
  if (!parsed.success) throw errors.invalidRequest(`Invalid request body: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

export function ifMatch(request: EdgeRequest): string | undefined {
  return request.headers['if-match'];
}

export function parseListIndex(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw errors.invalidListIndex();
  return Number(raw);
}

/** How item keys appear in queries and paths: list indices are numbers (`Index`), map keys strings (`Key`). */
export type KeySpec<K extends ItemKey> = { param: 'Index' | 'Key'; parse(raw: string): K; is(value: ItemKey): value is K };

export const LIST_KEYS: KeySpec<number> = { param: 'Index', parse: parseListIndex, is: (value): value is number => typeof value === 'number' };
export const MAP_KEYS: KeySpec<string> = { param: 'Key', parse: (raw) => raw, is: (value): value is string => typeof value === 'string' };

/** Item query parameters: HideExpired, then Index/Key alone, or From + PageSize + Order, or PageToken. */
export function parseItemQuery<K extends ItemKey>(request: EdgeRequest, keys: KeySpec<K>): ItemQuery<K> {
  const hideExpired = queryParam(request, 'HideExpired') === 'true';
  const single = queryParam(request, keys.param);
  if (single !== undefined) return { kind: 'single', key: keys.parse(single), hideExpired };

  const rawToken = queryParam(request, 'PageToken');
  if (rawToken !== undefined) {
    const token = decodePageToken(rawToken);
    const key = token?.key;
    if (!token || key === undefined || !keys.is(key)) throw errors.invalidRequest('Invalid PageToken');
    return { kind: 'token', token: { ...token, key }, hideExpired };
  }

  const rawOrder = queryParam(request, 'Order') ?? 'asc';
  if (rawOrder !== 'asc' && rawOrder !== 'desc') throw errors.invalidRequest('Order must be asc or desc');
  const order: SortOrder = rawOrder;
  const rawSize = queryParam(request, 'PageSize');
  const pageSize = rawSize === undefined ? DEFAULT_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw errors.invalidRequest('PageSize must be a positive integer');
  const from = queryParam(request, 'From');
  // From is inclusive; item-query.ts applies it in the requested order.
  return { kind: 'page', from: from === undefined ? undefined : keys.parse(from), order, pageSize: Math.min(pageSize, MAX_PAGE_SIZE), hideExpired };
}
