import { itemUrl } from './descriptors';
import type { SyncEventRecord, SyncObjectType } from './state';

/** The `twilio.sync.event` notification payload: `{ event_type, event }`. */
export type SyncEventPayload = { event_type: string; event: Record<string, unknown> };

/**
 * Renders a stored event for the wire. The SID field name follows the event-type prefix
 * (`document_sid`, `list_sid`, `map_sid`); revisions equal the event id, as in descriptors.
 */
export function renderEvent(baseUrl: string, sid: string, type: SyncObjectType, event: SyncEventRecord): SyncEventPayload {
  const common = { id: event.id, date_created: event.date };
  switch (event.kind) {
    case 'document_updated':
      return wrap(event.kind, { ...common, document_sid: sid, document_revision: String(event.id), document_data: event.data });
    case 'list_item_added':
    case 'list_item_updated':
      return wrap(event.kind, {
        ...common,
        list_sid: sid,
        item_index: event.key,
        item_url: itemUrl(baseUrl, 'list', sid, event.key),
        item_revision: String(event.id),
        item_data: event.data,
        date_expires: event.dateExpires,
        list_revision: String(event.id),
      });
    case 'list_item_removed':
      return wrap(event.kind, { ...common, list_sid: sid, item_index: event.key, list_revision: String(event.id), ...previous(event.data) });
    case 'map_item_added':
    case 'map_item_updated':
      return wrap(event.kind, {
        ...common,
        map_sid: sid,
        item_key: event.key,
        item_url: itemUrl(baseUrl, 'map', sid, event.key),
        item_revision: String(event.id),
        item_data: event.data,
        date_expires: event.dateExpires,
        map_revision: String(event.id),
      });
    case 'map_item_removed':
      return wrap(event.kind, { ...common, map_sid: sid, item_key: event.key, map_revision: String(event.id), ...previous(event.data) });
    case 'document_removed':
    case 'list_removed':
    case 'map_removed':
      return wrap(event.kind, { ...common, [`${type}_sid`]: sid });
  }
}

function wrap(eventType: string, event: Record<string, unknown>): SyncEventPayload {
  return { event_type: eventType, event };
}

/** `item_data` on removals is the previous data and optional; a catch-up removal has none. */
function previous(data: Record<string, unknown> | null): Record<string, unknown> {
  return data === null ? {} : { item_data: data };
}
