import type { JsonObject } from '../json';
import { addTombstone, clearTombstone, itemChangedEvent, itemRemovedEvent, type SyncRetention } from './event-log';
import { findItem, removeItem, upsertItem } from './sorted-items';
import * as errors from './sync-errors';
import type { ItemKey, ItemRecord, SyncEventRecord, Tombstone } from './state';

export type ItemWriteOptions = {
  /** `upsert` (default) adds or replaces; `create` fails if present; `update` fails if absent. */
  mode?: 'upsert' | 'create' | 'update';
  /** Conditional write (If-Match): the item's current revision. */
  ifRevision?: string;
  /** Item TTL in seconds; 0 clears it; omitted keeps the current one. */
  ttlSeconds?: number;
};

export type ItemWriteResult<K extends ItemKey> = { item: ItemRecord<K>; event: SyncEventRecord; added: boolean };

/** A list (numeric keys) or a map (string keys): the two differ only in key type and event names. */
type Collection<K extends ItemKey> = {
  type: 'list' | 'map';
  lastEventId: number;
  items: ItemRecord<K>[];
  tombstones: Tombstone<K>[];
  tombstoneFloor: number;
};

/**
 * Writes one item and builds its event (id = object's last event id + 1). The caller commits the
 * event to the log; the item's `lastEventId` is that same id, so its revision changes with every write.
 */
export function applyItemWrite<K extends ItemKey>(record: Collection<K>, key: K, data: JsonObject, nowMs: number, options: ItemWriteOptions): ItemWriteResult<K> {
  const existing = checkWrite(record.type, findItem(record.items, key), options);
  const item = nextItem(existing, key, data, record.lastEventId + 1, nowMs, options);
  upsertItem(record.items, item);
  if (!existing) clearTombstone(record, key);
  return { item, added: !existing, event: itemChangedEvent(record.type, item, !existing) };
}

/** Removes one item, remembering a tombstone for replays past the log window (event-log.ts). */
export function applyItemRemove<K extends ItemKey>(
  record: Collection<K>,
  key: K,
  nowMs: number,
  options: { ifRevision?: string },
  retention: SyncRetention,
): SyncEventRecord {
  const existing = checkRemove(record.type, findItem(record.items, key), options);
  removeItem(record.items, key);
  const tombstone = { key, eventId: record.lastEventId + 1, date: new Date(nowMs).toISOString() };
  addTombstone(record, tombstone, retention);
  return itemRemovedEvent(record.type, tombstone, existing.data);
}

function checkWrite<K extends ItemKey>(type: 'list' | 'map', existing: ItemRecord<K> | undefined, options: ItemWriteOptions): ItemRecord<K> | undefined {
  const mode = options.mode ?? 'upsert';
  if (existing && mode === 'create') {
    throw type === 'map' ? errors.mapItemExists() : errors.listItemExists();
  }
  if (!existing && mode === 'update') throw errors.itemNotFound(type);
  if (options.ifRevision !== undefined && options.ifRevision !== String(existing?.lastEventId)) throw errors.revisionMismatch(type);
  return existing;
}

function checkRemove<K extends ItemKey>(type: 'list' | 'map', existing: ItemRecord<K> | undefined, options: { ifRevision?: string }): ItemRecord<K> {
  if (!existing) throw errors.itemNotFound(type);
  if (options.ifRevision !== undefined && options.ifRevision !== String(existing.lastEventId)) throw errors.revisionMismatch(type);
  return existing;
}

function nextItem<K extends ItemKey>(
  existing: ItemRecord<K> | undefined,
  key: K,
  data: JsonObject,
  id: number,
  nowMs: number,
  options: ItemWriteOptions,
): ItemRecord<K> {
  const date = new Date(nowMs).toISOString();
  const ttl = options.ttlSeconds;
  const dateExpires = ttl === undefined ? (existing?.dateExpires ?? null) : ttl > 0 ? new Date(nowMs + ttl * 1000).toISOString() : null;
  return {
    key,
    data,
    lastEventId: id,
    createdEventId: existing?.createdEventId ?? id,
    dateCreated: existing?.dateCreated ?? date,
    dateUpdated: date,
    dateExpires,
  };
}
