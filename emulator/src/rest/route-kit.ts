import type { Core } from '../domain/core';
import { getService } from '../domain/lookup';
import { json, type EdgeRequest, type EdgeResponse, type Handler } from '../http/route';
import type { ProductRoutes } from '../http/router';
import { pageMeta, readPageRequest, selectPage } from './pagination';
import { restScope, type Scope } from '../serializers/scope';

/** Registers a route on both the account-default path and its service-scoped twin. */
export const both = (router: ProductRoutes, method: 'GET' | 'POST' | 'DELETE', subpath: string, handler: Handler) => {
  const add = method === 'GET' ? router.get : method === 'POST' ? router.post : router.delete;
  add(`/v1${subpath}`, handler);
  add(`/v1/Services/{ChatServiceSid}${subpath}`, handler);
};

/** The service a request addresses: the one in the path, or the default one `/v1/Configuration` names. */
export const scopeOf = (core: Core, req: EdgeRequest): Scope => {
  const pathService = req.params.ChatServiceSid;
  if (pathService !== undefined) {
    getService(core.ctx, pathService);
    return restScope(core.accountSid, pathService, true);
  }
  return restScope(core.accountSid, core.defaultServiceSid, false);
};

export { param } from '../http/route';

/** One page of a list resource, Twilio-shaped: `{ [key]: [...], meta }`. */
export const listResponse = <R>(
  req: EdgeRequest,
  options: {
    key: string;
    sids: readonly string[];
    seqOf: (sid: string) => number;
    load: (sid: string) => R | undefined;
    toJson: (record: R) => unknown;
    filters?: Record<string, string | undefined>;
    order?: 'asc' | 'desc';
    /** The Twilio host the page URLs name (Conversations' by default). */
    host?: string;
  },
): EdgeResponse => {
  const request = readPageRequest(req.query);
  const paged = selectPage(options.sids, options.seqOf, request, options.order);
  const items: unknown[] = [];
  for (const sid of paged.sids) {
    const record = options.load(sid);
    if (record !== undefined) items.push(options.toJson(record));
  }
  return json(200, {
    [options.key]: items,
    meta: pageMeta(req.path, options.key, request, paged, options.seqOf, options.filters, options.host),
  });
};

type Table = Parameters<Core['store']['get']>[0];

/** seq lookup for a table, for page cursors. */
export const seqIn =
  <T extends Table>(core: Core, table: T) =>
  (sid: string): number =>
    core.store.get(table, sid)?.seq ?? 0;

/** `seqOf` and `load` for a list of one table's SIDs: `listResponse(req, { ...fromTable(core, 'roles'), … })`. */
export const fromTable = <T extends Table>(core: Core, table: T) => ({
  seqOf: seqIn(core, table),
  load: (sid: string) => core.store.get(table, sid),
});
