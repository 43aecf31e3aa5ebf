import type { JsonObject, JsonValue } from '../json';

/**
 * The Sync engine's entire state, as plain JSON-serialisable data: `JSON.stringify` it to persist,
 * pass it back to `new SyncEngine({ state })` to restore. Event ids and logs survive a restart, so a
 * client that reconnects to a restarted emulator replays exactly what it missed.
 */
export type SyncState = {
  version: 1;
  /** Every live object by SID. */
  objects: Record<string, SyncObjectRecord>;
};

export type SyncObjectType = 'document' | 'list' | 'map';

export type SyncObjectRecord = DocumentRecord | ListRecord | MapRecord;

type ObjectBase = {
  sid: string;
  uniqueName: string | null;
  /**
   * Opaque data for the owner of the object (the chat layer records what the object belongs to here)
   * and for `canAccess`. Never sent to clients.
   */
  tag: JsonValue;
  /** Per-object, monotonically increasing; 0 before the first event. Revision is its string. */
  lastEventId: number;
  dateCreated: string;
  dateUpdated: string;
  dateExpires: string | null;
  /** Retained events, ascending by id; see `SyncRetention`. */
  log: SyncEventRecord[];
  /** Every event with id ≤ logFloor has been dropped from `log`. */
  logFloor: number;
};

export type DocumentRecord = ObjectBase & { type: 'document'; data: JsonObject };
export type ListRecord = ObjectBase & CollectionFields<number> & {
  type: 'list';
  /** Index that `appendListItem` uses next: one past the highest index ever used (indices are not reused). */
  nextIndex: number;
};
export type MapRecord = ObjectBase & CollectionFields<string> & { type: 'map' };

type CollectionFields<K extends ItemKey> = {
  /** Sorted ascending by key (numeric index for lists, JS string order for maps). */
  items: ItemRecord<K>[];
  /** Removed items, ascending by removal event; lets a client past the log window still learn of removals. */
  tombstones: Tombstone<K>[];
  /** Every removal with event id ≤ tombstoneFloor has been dropped from `tombstones`. */
  tombstoneFloor: number;
};

export type ItemKey = number | string;

export type ItemRecord<K extends ItemKey = ItemKey> = {
  key: K;
  data: JsonObject;
  /** The event that last changed the item; its revision is this id as a string. */
  lastEventId: number;
  /** The event that added the item (decides added vs updated in a catch-up replay). */
  createdEventId: number;
  dateCreated: string;
  dateUpdated: string;
  dateExpires: string | null;
};

export type Tombstone<K extends ItemKey = ItemKey> = { key: K; eventId: number; date: string };

/** Events stored per object; host-independent (URLs are added when rendered for a connection). */
export type SyncEventRecord =
  | { id: number; kind: 'document_updated'; data: JsonObject; date: string }
  | { id: number; kind: 'list_item_added' | 'list_item_updated'; key: number; data: JsonObject; date: string; dateExpires: string | null }
  | { id: number; kind: 'list_item_removed'; key: number; data: JsonObject | null; date: string }
  | { id: number; kind: 'map_item_added' | 'map_item_updated'; key: string; data: JsonObject; date: string; dateExpires: string | null }
  | { id: number; kind: 'map_item_removed'; key: string; data: JsonObject | null; date: string }
  | { id: number; kind: 'document_removed' | 'list_removed' | 'map_removed'; date: string };

/** What `canAccess` and event listeners see of an object. */
export type SyncObjectInfo = { sid: string; type: SyncObjectType; uniqueName: string | null; tag: JsonValue };

export function emptySyncState(): SyncState {
  return { version: 1, objects: {} };
}

export function objectInfo(record: SyncObjectRecord): SyncObjectInfo {
  return { sid: record.sid, type: record.type, uniqueName: record.uniqueName, tag: record.tag };
}
