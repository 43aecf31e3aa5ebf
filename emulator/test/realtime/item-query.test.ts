import { describe, expect, it } from 'vitest';
import { decodePageToken, queryItems, type ItemQuery } from '../../src/realtime/sync/item-query';
import type { ItemKey, ItemRecord } from '../../src/realtime/sync/state';

function items<K extends ItemKey>(keys: K[], expired: K[] = []): ItemRecord<K>[] {
  return keys.map((key, i) => ({
    key,
    data: { key },
    lastEventId: i + 1,
    createdEventId: i + 1,
    dateCreated: '2024-01-01T00:00:00.000Z',
    dateUpdated: '2024-01-01T00:00:00.000Z',
    dateExpires: expired.includes(key) ? '2000-01-01T00:00:00.000Z' : null,
  }));
}

const list = items([0, 1, 2, 3, 5, 6, 8, 9]); // gaps: indices need not be contiguous
const now = Date.parse('2024-06-01T00:00:00Z');
const page = (q: Partial<Extract<ItemQuery<number>, { kind: 'page' }>>) =>
  queryItems(list, { kind: 'page', order: 'asc', pageSize: 50, hideExpired: true, ...q }, now);
const keys = (result: { items: ItemRecord[] }) => result.items.map((item) => item.key);

describe('Sync item queries', () => {
  it('returns everything in ascending order with no tokens', () => {
    const result = page({});
    expect(keys(result)).toEqual([0, 1, 2, 3, 5, 6, 8, 9]);
    expect(result.previousToken).toBeNull();
    expect(result.nextToken).toBeNull();
  });

  it('getMessages(): PageSize=3&Order=desc takes the newest first, with more in that direction', () => {
    const result = page({ order: 'desc', pageSize: 3 });
    expect(keys(result)).toEqual([9, 8, 6]);
    expect(result.previousToken).toBeNull();
    expect(result.nextToken).toBeTruthy();
  });

  it('From is inclusive in descending order (items with index ≤ From)', () => {
    const result = page({ order: 'desc', from: 6, pageSize: 3 });
    expect(keys(result)).toEqual([6, 5, 3]);
    expect(result.previousToken).toBeTruthy(); // 8 and 9 come before in desc order
    expect(result.nextToken).toBeTruthy();
  });

  it('From is inclusive in ascending order and may name a missing index', () => {
    expect(keys(page({ from: 5, pageSize: 2 }))).toEqual([5, 6]);
    expect(keys(page({ from: 4, pageSize: 2 }))).toEqual([5, 6]);
    expect(keys(page({ order: 'desc', from: 4, pageSize: 2 }))).toEqual([3, 2]);
  });

  it('next_token is falsy exactly when the last item is returned', () => {
    expect(page({ from: 6, pageSize: 2 }).nextToken).toBeTruthy();
    expect(page({ from: 6, pageSize: 3 }).nextToken).toBeNull();
    expect(page({ order: 'desc', from: 2, pageSize: 3 }).nextToken).toBeNull();
  });

  it('an empty page past the end still reports what lies before it', () => {
    const result = page({ from: 100, pageSize: 5 });
    expect(result.items).toEqual([]);
    expect(result.previousToken).toBeTruthy();
    expect(result.nextToken).toBeNull();
  });

  it('Index lookups return [] when missing, never an error', () => {
    expect(keys(queryItems(list, { kind: 'single', key: 5, hideExpired: true }, now))).toEqual([5]);
    expect(queryItems(list, { kind: 'single', key: 4, hideExpired: true }, now).items).toEqual([]);
  });

  it('HideExpired hides expired items from pages and lookups', () => {
    const withExpired = items([1, 2, 3, 4], [2, 4]);
    const result = queryItems(withExpired, { kind: 'page', order: 'asc', pageSize: 1, from: 2, hideExpired: true }, now);
    expect(keys(result)).toEqual([3]);
    expect(result.nextToken).toBeNull(); // 4 is expired
    expect(queryItems(withExpired, { kind: 'single', key: 2, hideExpired: true }, now).items).toEqual([]);
    expect(queryItems(withExpired, { kind: 'single', key: 2, hideExpired: false }, now).items).toHaveLength(1);
  });

  it('orders map keys by plain string comparison', () => {
    const map = items(['CHb', 'CHa', 'Z', 'a', 'CH10', 'CH9'].sort());
    const result = queryItems(map, { kind: 'page', order: 'asc', pageSize: 10, hideExpired: true }, now);
    expect(keys(result)).toEqual(['CH10', 'CH9', 'CHa', 'CHb', 'Z', 'a']);
    expect(keys(queryItems(map, { kind: 'page', order: 'desc', from: 'CHa', pageSize: 2, hideExpired: true }, now))).toEqual(['CHa', 'CH9']);
  });

  it('page tokens continue and go back in the same order', () => {
    const first = page({ pageSize: 3 });
    expect(keys(first)).toEqual([0, 1, 2]);
    const nextToken = decodePageToken(first.nextToken ?? '');
    expect(nextToken).not.toBeNull();
    if (!nextToken) return;
    const second = queryItems(list, { kind: 'token', token: { ...nextToken, key: Number(nextToken.key) }, hideExpired: true }, now);
    expect(keys(second)).toEqual([3, 5, 6]);
    const prevToken = decodePageToken(second.previousToken ?? '');
    if (!prevToken) throw new Error('expected a previous token');
    const back = queryItems(list, { kind: 'token', token: { ...prevToken, key: Number(prevToken.key) }, hideExpired: true }, now);
    expect(keys(back)).toEqual([0, 1, 2]);
    expect(back.previousToken).toBeNull();
  });
});
