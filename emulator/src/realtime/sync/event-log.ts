import type { JsonObject } from '../json';
import type { ItemKey, ItemRecord, SyncEventRecord, SyncObjectRecord, Tombstone } from './state';

/**
 * Retention bound of the per-object event log (documented in README.md):
 * - the newest `maxLogEvents` events of each object are always kept (the log is trimmed in batches, so
 *   it may briefly hold up to a quarter more);
 * - a subscriber whose `last_event_id` is older than the log window gets a catch-up replay computed from
 *   the current state instead: one event per item changed since (added or updated, with the item's own
 *   event id and current data), the document's current data, and a removal for every tombstone newer
 *   than its id. The final state is exact; intermediate versions of an item are collapsed;
 * - removals are remembered as tombstones up to `maxTombstones` per object; a subscriber older than the
 *   oldest retained tombstone can miss a removal (it keeps a stale item until it reloads).
 */
export type SyncRetention = { maxLogEvents: number; maxTombstones: number };

export const DEFAULT_RETENTION: SyncRetention = { maxLogEvents: 1000, maxTombstones: 1000 };

export function appendEvent(record: SyncObjectRecord, event: SyncEventRecord, retention: SyncRetention): void {
  record.log.push(event);
  record.lastEventId = event.id;
  const max = Math.max(retention.maxLogEvents, 0);
  if (record.log.length <= max + Math.max(Math.floor(max / 4), 1)) return;
  const dropped = record.log.splice(0, record.log.length - max);
  record.logFloor = (dropped[dropped.length - 1] as SyncEventRecord).id;
}

export function addTombstone<K extends ItemKey>(
  collection: { tombstones: Tombstone<K>[]; tombstoneFloor: number },
  tombstone: Tombstone<K>,
  retention: SyncRetention,
): void {
  collection.tombstones.push(tombstone);
  const max = Math.max(retention.maxTombstones, 0);
  if (collection.tombstones.length <= max + Math.max(Math.floor(max / 4), 1)) return;
  const dropped = collection.tombstones.splice(0, collection.tombstones.length - max);
  collection.tombstoneFloor = (dropped[dropped.length - 1] as Tombstone<K>).eventId;
}

/** A key that is live again must not also replay as removed. */
export function clearTombstone<K extends ItemKey>(collection: { tombstones: Tombstone<K>[] }, key: K): void {
  const at = collection.tombstones.findIndex((tombstone) => tombstone.key === key);
  if (at >= 0) collection.tombstones.splice(at, 1);
}

/** Every event with id > afterEventId, in order (or the catch-up described above). */
export function replayEvents(record: SyncObjectRecord, afterEventId: number): SyncEventRecord[] {
  if (afterEventId >= record.lastEventId) return [];
  if (afterEventId >= record.logFloor) {
    const start = firstEventAfter(record.log, afterEventId);
    return record.log.slice(start);
  }
  return catchUpFromState(record, afterEventId);
}

function firstEventAfter(log: readonly SyncEventRecord[], afterEventId: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((log[mid] as SyncEventRecord).id <= afterEventId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function catchUpFromState(record: SyncObjectRecord, after: number): SyncEventRecord[] {
  if (record.type === 'document') {
    return [{ id: record.lastEventId, kind: 'document_updated', data: record.data, date: record.dateUpdated }];
  }
  const events: SyncEventRecord[] = [];
  for (const item of record.items) {
    if (item.lastEventId > after) events.push(itemChangedEvent(record.type, item, item.createdEventId > after));
  }
  for (const tombstone of record.tombstones) {
    if (tombstone.eventId > after) events.push(itemRemovedEvent(record.type, tombstone, null));
  }
  return events.sort((a, b) => a.id - b.id);
}

/** `<type>_item_added` (or `_updated`) carrying the item as it is now. */
export function itemChangedEvent(type: 'list' | 'map', item: ItemRecord, added: boolean): SyncEventRecord {
  const { lastEventId: id, data, dateUpdated: date, dateExpires } = item;
  return type === 'list'
    ? { id, kind: added ? 'list_item_added' : 'list_item_updated', key: Number(item.key), data, date, dateExpires }
    : { id, kind: added ? 'map_item_added' : 'map_item_updated', key: String(item.key), data, date, dateExpires };
}

/** `<type>_item_removed`; `data` is the removed item's, or null in a catch-up (only the tombstone is left). */
export function itemRemovedEvent(type: 'list' | 'map', tombstone: Tombstone, data: JsonObject | null): SyncEventRecord {
  const { eventId: id, date } = tombstone;
  return type === 'list'
    ? { id, kind: 'list_item_removed', key: Number(tombstone.key), data, date }
    : { id, kind: 'map_item_removed', key: String(tombstone.key), data, date };
}
