import { randomBytes } from 'node:crypto';
import { createClock, type Clock } from '../../clock';
import type { JsonObject, JsonValue } from '../json';
import { DEFAULT_RETENTION, appendEvent, replayEvents, type SyncRetention } from './event-log';
import { applyItemRemove, applyItemWrite, type ItemWriteOptions, type ItemWriteResult } from './item-mutations';
import { findItem } from './sorted-items';
import * as errors from './sync-errors';
import {
  emptySyncState,
  objectInfo,
  type DocumentRecord,
  type ItemRecord,
  type ListRecord,
  type MapRecord,
  type SyncEventRecord,
  type SyncObjectInfo,
  type SyncObjectRecord,
  type SyncObjectType,
  type SyncState,
} from './state';

export type SyncChange = { object: SyncObjectInfo; event: SyncEventRecord };
export type SyncChangeListener = (change: SyncChange) => void;

export type SyncEngineOptions = {
  clock?: Clock;
  /** Restores a state previously taken from `engine.state` (after JSON round trip). */
  state?: SyncState;
  retention?: Partial<SyncRetention>;
  /** SID factory; default `<prefix>` + 32 random hex digits. */
  generateSid?: (prefix: SidPrefix) => string;
  /**
   * Added to every object's last event id when `state` is restored. Use it when the saved state may
   * lag behind what clients already received (a crash between fan-out and the next save): ids those
   * clients hold were never saved, and reusing them would make new events look already seen.
   * A gap larger than the events one save window can hold keeps every new id above them. Default 0.
   */
  restoredEventIdGap?: number;
};

export type CreateObjectOptions = {
  uniqueName?: string | null;
  /** Owner data for `canAccess` (for example `{ kind: 'conversation', conversationSid }`). */
  tag?: JsonValue;
  ttlSeconds?: number;
};

export type DocumentWriteOptions = { ifRevision?: string; ttlSeconds?: number };

/** Distinct prefixes per type, so no id of one type is ever the SID of another. */
export type SidPrefix = 'ET' | 'ES' | 'MP';
const PREFIX: Record<SyncObjectType, SidPrefix> = { document: 'ET', list: 'ES', map: 'MP' };
type RecordOf<T extends SyncObjectType> = T extends 'document' ? DocumentRecord : T extends 'list' ? ListRecord : MapRecord;

// Twilio rejects unique names shaped like a SID (54302), which keeps SID and unique-name lookups unambiguous.
const SID_SHAPE = /^[A-Z]{2}[a-f0-9]{32}$/;

/**
 * Sync (CDS) objects: documents, lists and maps with per-object event ids and an event log.
 * Pure state and rules; no HTTP. Every mutation appends an event and notifies `onChange` listeners
 * synchronously, which is how subscriptions fan changes out. The protocol: docs/sdk-protocol.md, "Sync".
 */
export class SyncEngine {
  readonly state: SyncState;
  private readonly clock: Clock;
  private readonly retention: SyncRetention;
  private readonly generateSid: (prefix: SidPrefix) => string;
  /** `type:uniqueName` → sid; derived, rebuilt from `state` on load. */
  private readonly uniqueNames = new Map<string, string>();
  private readonly listeners = new Set<SyncChangeListener>();

  constructor(options: SyncEngineOptions = {}) {
    this.state = options.state ?? emptySyncState();
    this.clock = options.clock ?? createClock();
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.generateSid = options.generateSid ?? ((prefix) => `${prefix}${randomBytes(16).toString('hex')}`);
    const gap = options.state ? Math.max(options.restoredEventIdGap ?? 0, 0) : 0;
    for (const record of Object.values(this.state.objects)) {
      if (record.uniqueName !== null) this.uniqueNames.set(`${record.type}:${record.uniqueName}`, record.sid);
      record.lastEventId += gap;
    }
  }

  onChange(listener: SyncChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves a SID or unique name. A SID of another type never falls back to a unique name. */
  find<T extends SyncObjectType>(type: T, id: string): RecordOf<T> | undefined {
    const bySid = this.state.objects[id];
    const record = bySid ?? this.byUniqueName(type, id);
    return record?.type === type ? (record as RecordOf<T>) : undefined;
  }

  get<T extends SyncObjectType>(type: T, id: string): RecordOf<T> {
    const record = this.find(type, id);
    if (!record) throw errors.objectNotFound(type);
    return record;
  }

  findBySid(sid: string): SyncObjectRecord | undefined {
    return this.state.objects[sid];
  }

  createDocument(options: CreateObjectOptions & { data?: JsonObject } = {}): DocumentRecord {
    const record: DocumentRecord = { ...this.newBase('document', options), type: 'document', data: options.data ?? {} };
    return this.insert(record);
  }

  createList(options: CreateObjectOptions = {}): ListRecord {
    const record: ListRecord = { ...this.newBase('list', options), type: 'list', items: [], tombstones: [], tombstoneFloor: 0, nextIndex: 0 };
    return this.insert(record);
  }

  createMap(options: CreateObjectOptions = {}): MapRecord {
    const record: MapRecord = { ...this.newBase('map', options), type: 'map', items: [], tombstones: [], tombstoneFloor: 0 };
    return this.insert(record);
  }

  /** Replaces a document's data (`document_updated`). */
  setDocument(id: string, data: JsonObject, options: DocumentWriteOptions = {}): SyncEventRecord {
    const record = this.get('document', id);
    if (options.ifRevision !== undefined && options.ifRevision !== String(record.lastEventId)) throw errors.revisionMismatch('document');
    const date = isoMillis(this.clock);
    record.data = data;
    record.dateUpdated = date;
    if (options.ttlSeconds !== undefined) record.dateExpires = this.expiry(options.ttlSeconds);
    return this.commit(record, { id: record.lastEventId + 1, kind: 'document_updated', data, date });
  }

  /** Adds or replaces the item at an explicit index (list index = message index for the chat layer). */
  setListItem(id: string, index: number, data: JsonObject, options: ItemWriteOptions = {}): ItemWriteResult<number> {
    if (!Number.isSafeInteger(index) || index < 0) throw errors.invalidListIndex();
    const record = this.get('list', id);
    const result = applyItemWrite(record, index, data, this.clock.now(), options);
    record.nextIndex = Math.max(record.nextIndex, index + 1);
    this.commit(record, result.event);
    return result;
  }

  /** Appends at one past the highest index ever used (Sync list `push`). */
  appendListItem(id: string, data: JsonObject, options: Omit<ItemWriteOptions, 'mode' | 'ifRevision'> = {}): ItemWriteResult<number> {
    const record = this.get('list', id);
    return this.setListItem(record.sid, record.nextIndex, data, { ...options, mode: 'create' });
  }

  removeListItem(id: string, index: number, options: { ifRevision?: string } = {}): SyncEventRecord {
    const record = this.get('list', id);
    return this.commit(record, applyItemRemove(record, index, this.clock.now(), options, this.retention));
  }

  setMapItem(id: string, key: string, data: JsonObject, options: ItemWriteOptions = {}): ItemWriteResult<string> {
    const record = this.get('map', id);
    const result = applyItemWrite(record, key, data, this.clock.now(), options);
    this.commit(record, result.event);
    return result;
  }

  removeMapItem(id: string, key: string, options: { ifRevision?: string } = {}): SyncEventRecord {
    const record = this.get('map', id);
    return this.commit(record, applyItemRemove(record, key, this.clock.now(), options, this.retention));
  }

  listItem(id: string, index: number): ItemRecord<number> | undefined {
    return findItem(this.get('list', id).items, index);
  }

  mapItem(id: string, key: string): ItemRecord<string> | undefined {
    return findItem(this.get('map', id).items, key);
  }

  /**
   * Deletes an object; subscribers get `<type>_removed` and later subscriptions fail with 404,
   * which the client treats as removal.
   */
  remove(type: SyncObjectType, id: string): SyncEventRecord {
    const record = this.get(type, id);
    delete this.state.objects[record.sid];
    if (record.uniqueName !== null) this.uniqueNames.delete(`${type}:${record.uniqueName}`);
    const event: SyncEventRecord = { id: record.lastEventId + 1, kind: `${type}_removed`, date: isoMillis(this.clock) };
    this.emit({ object: objectInfo(record), event });
    return event;
  }

  /**
   * Replaces an object's owner tag (no event: tags are never sent). The chat layer uses it when the
   * owner's key changes under a live object, e.g. the default service recreated by a reset.
   */
  retag(sid: string, tag: JsonValue): void {
    const record = this.state.objects[sid];
    if (record) record.tag = tag;
  }

  /** Events after `afterEventId` for a (re)subscribing client; see event-log.ts for retention. */
  replay(sid: string, afterEventId: number): SyncEventRecord[] {
    const record = this.state.objects[sid];
    return record ? replayEvents(record, afterEventId) : [];
  }

  private byUniqueName(type: SyncObjectType, name: string): SyncObjectRecord | undefined {
    const sid = this.uniqueNames.get(`${type}:${name}`);
    return sid === undefined ? undefined : this.state.objects[sid];
  }

  private newBase(type: SyncObjectType, options: CreateObjectOptions) {
    const uniqueName = options.uniqueName ?? null;
    if (uniqueName !== null) {
      if (uniqueName.length === 0 || uniqueName.length > 256 || SID_SHAPE.test(uniqueName)) throw errors.invalidUniqueName();
      if (this.uniqueNames.has(`${type}:${uniqueName}`)) throw errors.uniqueNameExists();
    }
    const now = isoMillis(this.clock);
    return {
      sid: this.generateSid(PREFIX[type]),
      uniqueName,
      tag: options.tag ?? null,
      lastEventId: 0,
      dateCreated: now,
      dateUpdated: now,
      dateExpires: options.ttlSeconds === undefined ? null : this.expiry(options.ttlSeconds),
      log: [],
      logFloor: 0,
    };
  }

  private insert<R extends SyncObjectRecord>(record: R): R {
    this.state.objects[record.sid] = record;
    if (record.uniqueName !== null) this.uniqueNames.set(`${record.type}:${record.uniqueName}`, record.sid);
    return record;
  }

  private commit(record: SyncObjectRecord, event: SyncEventRecord): SyncEventRecord {
    record.dateUpdated = event.date;
    appendEvent(record, event, this.retention);
    this.emit({ object: objectInfo(record), event });
    return event;
  }

  private emit(change: SyncChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[realtime] sync change listener failed', error);
      }
    }
  }

  /** Sync TTLs are seconds; 0 means no expiry. */
  private expiry(ttlSeconds: number): string | null {
    return ttlSeconds > 0 ? new Date(this.clock.now() + ttlSeconds * 1000).toISOString() : null;
  }
}

/** Sync stamps dates with milliseconds, unlike the REST resources' second precision. */
function isoMillis(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
