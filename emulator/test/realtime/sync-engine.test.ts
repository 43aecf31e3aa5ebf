import { describe, expect, it } from 'vitest';
import { SyncEngine, type SyncChange } from '../../src/realtime/sync/engine';
import type { SyncState } from '../../src/realtime/sync/state';
import { TwilioError } from '../../src/domain/errors';
import { createClock } from '../../src/clock';

function engineWithLog() {
  const engine = new SyncEngine({ clock: createClock() });
  const changes: SyncChange[] = [];
  engine.onChange((change) => changes.push(change));
  return { engine, changes };
}

function syncErrorOf(fn: () => unknown): { status: number; code: number } {
  try {
    fn();
  } catch (error) {
    if (error instanceof TwilioError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a TwilioError');
}

describe('Sync engine objects', () => {
  it('gives each type its SID prefix and resolves SIDs and unique names', () => {
    const { engine } = engineWithLog();
    const doc = engine.createDocument({ uniqueName: 'CH1.channel', data: { a: 1 } });
    const list = engine.createList({ uniqueName: 'CH1.messages' });
    const map = engine.createMap({ uniqueName: 'alice.channels' });
    expect(doc.sid).toMatch(/^ET[0-9a-f]{32}$/);
    expect(list.sid).toMatch(/^ES[0-9a-f]{32}$/);
    expect(map.sid).toMatch(/^MP[0-9a-f]{32}$/);
    expect(engine.find('document', 'CH1.channel')).toBe(doc);
    expect(engine.find('document', doc.sid)).toBe(doc);
    expect(engine.find('list', 'CH1.messages')).toBe(list);
    // A SID of another type never resolves.
    expect(engine.find('document', list.sid)).toBeUndefined();
    expect(engine.find('map', 'CH1.channel')).toBeUndefined();
  });

  it('refuses duplicate and SID-shaped unique names (54301, 54302)', () => {
    const { engine } = engineWithLog();
    engine.createMap({ uniqueName: 'x' });
    expect(syncErrorOf(() => engine.createMap({ uniqueName: 'x' }))).toEqual({ status: 409, code: 54301 });
    expect(() => engine.createDocument({ uniqueName: 'x' })).not.toThrow(); // names are per type
    expect(syncErrorOf(() => engine.createList({ uniqueName: `ES${'a'.repeat(32)}` }))).toEqual({ status: 400, code: 54302 });
  });

  it('numbers events per object, monotonically, and stamps items with them', () => {
    const { engine, changes } = engineWithLog();
    const list = engine.createList();
    const map = engine.createMap();
    expect(list.lastEventId).toBe(0);
    engine.setListItem(list.sid, 0, { text: 'a' });
    engine.setMapItem(map.sid, 'k', { v: 1 });
    engine.setListItem(list.sid, 1, { text: 'b' });
    engine.setListItem(list.sid, 0, { text: 'a2' });
    expect(changes.map((c) => [c.object.type, c.event.kind, c.event.id])).toEqual([
      ['list', 'list_item_added', 1],
      ['map', 'map_item_added', 1],
      ['list', 'list_item_added', 2],
      ['list', 'list_item_updated', 3],
    ]);
    expect(engine.listItem(list.sid, 0)).toMatchObject({ lastEventId: 3, createdEventId: 1, data: { text: 'a2' } });
    expect(engine.listItem(list.sid, 1)?.lastEventId).toBe(2);
    expect(list.lastEventId).toBe(3);
  });

  it('appends one past the highest index ever used, even after a removal', () => {
    const { engine } = engineWithLog();
    const list = engine.createList();
    engine.setListItem(list.sid, 5, { i: 5 });
    engine.removeListItem(list.sid, 5);
    expect(engine.appendListItem(list.sid, { i: 6 }).item.key).toBe(6);
    expect(syncErrorOf(() => engine.setListItem(list.sid, -1, {}))).toEqual({ status: 400, code: 54458 });
  });

  it('enforces conditional writes (412) and item existence (404)', () => {
    const { engine } = engineWithLog();
    const doc = engine.createDocument();
    const map = engine.createMap();
    engine.setDocument(doc.sid, { v: 1 }, { ifRevision: '0' });
    expect(syncErrorOf(() => engine.setDocument(doc.sid, { v: 2 }, { ifRevision: '0' }))).toEqual({ status: 412, code: 54103 });
    expect(syncErrorOf(() => engine.removeMapItem(map.sid, 'nope'))).toEqual({ status: 404, code: 54201 });
    engine.setMapItem(map.sid, 'k', { v: 1 });
    expect(syncErrorOf(() => engine.setMapItem(map.sid, 'k', { v: 2 }, { mode: 'create' }))).toEqual({ status: 409, code: 54208 });
    expect(syncErrorOf(() => engine.setMapItem(map.sid, 'k', { v: 2 }, { ifRevision: '9' }))).toEqual({ status: 412, code: 54205 });
    expect(syncErrorOf(() => engine.get('list', 'missing'))).toEqual({ status: 404, code: 54150 });
  });

  it('removing an object emits <type>_removed and frees its unique name', () => {
    const { engine, changes } = engineWithLog();
    const doc = engine.createDocument({ uniqueName: 'gone' });
    engine.setDocument(doc.sid, { v: 1 });
    const event = engine.remove('document', 'gone');
    expect(event).toMatchObject({ kind: 'document_removed', id: 2 });
    expect(changes.at(-1)?.object.sid).toBe(doc.sid);
    expect(engine.find('document', doc.sid)).toBeUndefined();
    expect(() => engine.createDocument({ uniqueName: 'gone' })).not.toThrow();
  });
});

describe('Sync engine replay and retention', () => {
  it('replays exactly the events after last_event_id, in order', () => {
    const { engine } = engineWithLog();
    const list = engine.createList();
    for (let i = 0; i < 5; i++) engine.setListItem(list.sid, i, { i });
    engine.removeListItem(list.sid, 1);
    expect(engine.replay(list.sid, 3).map((e) => [e.kind, e.id])).toEqual([
      ['list_item_added', 4],
      ['list_item_added', 5],
      ['list_item_removed', 6],
    ]);
    expect(engine.replay(list.sid, 6)).toEqual([]);
    expect(engine.replay(list.sid, 99)).toEqual([]);
  });

  it('bounds the log and catches old subscribers up from state, removals included', () => {
    const engine = new SyncEngine({ clock: createClock(), retention: { maxLogEvents: 4, maxTombstones: 10 } });
    const map = engine.createMap();
    engine.setMapItem(map.sid, 'a', { v: 1 }); // 1
    engine.setMapItem(map.sid, 'b', { v: 1 }); // 2
    engine.setMapItem(map.sid, 'c', { v: 1 }); // 3
    engine.setMapItem(map.sid, 'a', { v: 2 }); // 4
    engine.removeMapItem(map.sid, 'b'); // 5
    engine.setMapItem(map.sid, 'd', { v: 1 }); // 6
    engine.setMapItem(map.sid, 'a', { v: 3 }); // 7
    expect(map.log.length).toBeLessThanOrEqual(5);
    expect(map.logFloor).toBeGreaterThan(0);
    // Within the window: exact events.
    expect(engine.replay(map.sid, 5).map((e) => e.id)).toEqual([6, 7]);
    // Behind the window: one event per changed item plus removals, ascending, final data.
    const catchUp = engine.replay(map.sid, 1);
    expect(catchUp.map((e) => [e.kind, e.id])).toEqual([
      ['map_item_added', 3],
      ['map_item_removed', 5],
      ['map_item_added', 6],
      ['map_item_updated', 7],
    ]);
    expect(catchUp.at(-1)).toMatchObject({ key: 'a', data: { v: 3 } });
  });

  it('a re-added key is not also replayed as removed', () => {
    const engine = new SyncEngine({ clock: createClock(), retention: { maxLogEvents: 1, maxTombstones: 10 } });
    const map = engine.createMap();
    engine.setMapItem(map.sid, 'k', { v: 1 });
    engine.removeMapItem(map.sid, 'k');
    engine.setMapItem(map.sid, 'k', { v: 2 });
    engine.setMapItem(map.sid, 'z', { v: 1 });
    engine.setMapItem(map.sid, 'y', { v: 1 });
    expect(engine.replay(map.sid, 0).map((e) => e.kind)).toEqual(['map_item_added', 'map_item_added', 'map_item_added']);
  });
});

describe('Sync engine state', () => {
  it('is plain JSON that restores with event ids, logs and lookups intact', () => {
    const clock = createClock();
    const engine = new SyncEngine({ clock });
    const doc = engine.createDocument({ uniqueName: 'CH1.channel', data: { n: 0 }, tag: { conversation: 'CH1' } });
    const list = engine.createList({ uniqueName: 'CH1.messages' });
    engine.setDocument(doc.sid, { n: 1 });
    engine.setListItem(list.sid, 0, { text: 'é 👋' });
    engine.setListItem(list.sid, 1, { text: 'b' });

    const saved: SyncState = JSON.parse(JSON.stringify(engine.state));
    const restored = new SyncEngine({ clock, state: saved });
    expect(restored.find('document', 'CH1.channel')?.data).toEqual({ n: 1 });
    expect(restored.find('document', 'CH1.channel')?.tag).toEqual({ conversation: 'CH1' });
    expect(restored.replay(list.sid, 1)).toEqual(engine.replay(list.sid, 1));
    const next = restored.setListItem('CH1.messages', 2, { text: 'c' });
    expect(next.event.id).toBe(3);
    expect(() => restored.createList({ uniqueName: 'CH1.messages' })).toThrow(TwilioError);
  });

  it('can skip event ids on restore, so ids clients saw but the file missed are never reused', () => {
    const clock = createClock();
    const engine = new SyncEngine({ clock });
    const list = engine.createList();
    engine.setListItem(list.sid, 0, { text: 'saved' });
    const saved: SyncState = JSON.parse(JSON.stringify(engine.state));
    engine.setListItem(list.sid, 1, { text: 'sent to clients, lost in a crash' }); // id 2, never saved

    const restored = new SyncEngine({ clock, state: saved, restoredEventIdGap: 1000 });
    const next = restored.setListItem(list.sid, 1, { text: 'after restart' });
    expect(next.event.id).toBe(1002);
    // A client holding id 2 replays from there and gets the new event; one holding id 1 as well.
    expect(restored.replay(list.sid, 2).map((e) => e.id)).toEqual([1002]);
    expect(restored.replay(list.sid, 1).map((e) => e.id)).toEqual([1002]);
    expect(restored.replay(list.sid, 0).map((e) => e.id)).toEqual([1, 1002]);
  });
});
