import type { DocumentRecord, ItemRecord, ListRecord, MapRecord, SyncObjectRecord, SyncObjectType } from './state';

/**
 * Sync descriptors. Every URL is absolute: the client parses links with a regex that requires
 * `http(s)://host/path` and fetches items only through `links.items`. `revision` is the last event id
 * as a string, so it changes with every mutation.
 */
const COLLECTION: Record<SyncObjectType, string> = { document: 'Documents', list: 'Lists', map: 'Maps' };

export function objectUrl(baseUrl: string, type: SyncObjectType, sid: string): string {
  return `${baseUrl}/v3/${COLLECTION[type]}/${sid}`;
}

export function itemsUrl(baseUrl: string, type: 'list' | 'map', sid: string): string {
  return `${objectUrl(baseUrl, type, sid)}/Items`;
}

export function itemUrl(baseUrl: string, type: 'list' | 'map', sid: string, key: number | string): string {
  return `${itemsUrl(baseUrl, type, sid)}/${encodeURIComponent(String(key))}`;
}

function rootFields(baseUrl: string, record: SyncObjectRecord) {
  return {
    sid: record.sid,
    unique_name: record.uniqueName,
    url: objectUrl(baseUrl, record.type, record.sid),
    revision: String(record.lastEventId),
    last_event_id: record.lastEventId,
    date_updated: record.dateUpdated,
    date_expires: record.dateExpires,
  };
}

export function documentDescriptor(baseUrl: string, record: DocumentRecord) {
  return { ...rootFields(baseUrl, record), data: record.data };
}

export function listDescriptor(baseUrl: string, record: ListRecord) {
  const items = itemsUrl(baseUrl, 'list', record.sid);
  return { ...rootFields(baseUrl, record), links: { items, context: `${objectUrl(baseUrl, 'list', record.sid)}/Context` } };
}

export function mapDescriptor(baseUrl: string, record: MapRecord) {
  return { ...rootFields(baseUrl, record), links: { items: itemsUrl(baseUrl, 'map', record.sid) } };
}

export function listItemDescriptor(baseUrl: string, sid: string, item: ItemRecord<number>) {
  return { index: item.key, ...itemFields(baseUrl, 'list', sid, item) };
}

export function mapItemDescriptor(baseUrl: string, sid: string, item: ItemRecord<string>) {
  return { key: item.key, ...itemFields(baseUrl, 'map', sid, item) };
}

export function itemFields(baseUrl: string, type: 'list' | 'map', sid: string, item: ItemRecord) {
  return {
    url: itemUrl(baseUrl, type, sid, item.key),
    revision: String(item.lastEventId),
    last_event_id: item.lastEventId,
    data: item.data,
    date_updated: item.dateUpdated,
    date_expires: item.dateExpires,
  };
}
