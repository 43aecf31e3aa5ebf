import { z } from 'zod';
import { compareKeys, findItem, lowerBound } from './sorted-items';
import type { ItemKey, ItemRecord } from './state';

export type SortOrder = 'asc' | 'desc';

export type ItemQuery<K extends ItemKey> =
  | { kind: 'single'; key: K; hideExpired: boolean }
  | { kind: 'page'; from?: K; order: SortOrder; pageSize: number; hideExpired: boolean }
  | { kind: 'token'; token: PageToken<K>; hideExpired: boolean };

/** Opaque page tokens: `next` pages start at `key` inclusive, `prev` pages end at `key` inclusive. */
export type PageToken<K extends ItemKey> = { direction: 'next' | 'prev'; key: K; order: SortOrder; pageSize: number };

export type ItemPage<K extends ItemKey> = {
  items: ItemRecord<K>[];
  /** Truthy iff more items exist before the first returned one, in query order. */
  previousToken: string | null;
  /** Truthy iff more items exist after the last returned one, in query order. */
  nextToken: string | null;
};

type Picked<K extends ItemKey> = { item: ItemRecord<K>; at: number };

/**
 * Item queries (docs/sdk-protocol.md, "Item queries"). Items come back sorted in the requested order; `From` is inclusive (for `desc`,
 * items with key ≤ From); the tokens only say whether the collection continues in each direction,
 * which the client uses to mark its cache boundaries. With a `horizon`, items changed after that event
 * are left out (a reader that lost access sees nothing newer, `ObjectHolds`).
 */
export function queryItems<K extends ItemKey>(
  items: readonly ItemRecord<K>[],
  query: ItemQuery<K>,
  now: number,
  horizon: number | null = null,
): ItemPage<K> {
  const visible = (item: ItemRecord<K>): boolean =>
    (horizon === null || item.lastEventId <= horizon) &&
    (!query.hideExpired || item.dateExpires === null || Date.parse(item.dateExpires) > now);

  if (query.kind === 'single') {
    // Index/Key lookups answer `[]` when the item is missing, never 404.
    const item = findItem(items, query.key);
    return { items: item && visible(item) ? [item] : [], previousToken: null, nextToken: null };
  }

  const { order, pageSize } = query.kind === 'page' ? query : query.token;
  const step = order === 'asc' ? 1 : -1;
  const inRange = (i: number): boolean => i >= 0 && i < items.length;
  const firstVisible = (from: number, by: number): number => {
    for (let i = from; inRange(i); i += by) if (visible(items[i] as ItemRecord<K>)) return i;
    return -1;
  };
  const collect = (from: number, by: number): Picked<K>[] => {
    const picked: Picked<K>[] = [];
    for (let i = from; inRange(i) && picked.length < pageSize; i += by) {
      const item = items[i] as ItemRecord<K>;
      if (visible(item)) picked.push({ item, at: i });
    }
    return picked;
  };

  let picked: Picked<K>[];
  // Where to look for neighbours when the page is empty (null: nothing in that direction).
  let emptyPrevFrom: number | null;
  let emptyNextFrom: number | null;
  if (query.kind === 'token' && query.token.direction === 'prev') {
    const anchor = anchorIndex(items, query.token.key, order);
    picked = collect(anchor, -step).reverse();
    emptyPrevFrom = null;
    emptyNextFrom = anchor + step;
  } else {
    const from = query.kind === 'page' ? query.from : query.token.key;
    const start = from === undefined ? (order === 'asc' ? 0 : items.length - 1) : anchorIndex(items, from, order);
    picked = collect(start, step);
    emptyPrevFrom = start - step;
    emptyNextFrom = null;
  }

  const first = picked[0];
  const last = picked[picked.length - 1];
  const prevFrom = first ? first.at - step : emptyPrevFrom;
  const nextFrom = last ? last.at + step : emptyNextFrom;
  const prevAt = prevFrom === null ? -1 : firstVisible(prevFrom, -step);
  const nextAt = nextFrom === null ? -1 : firstVisible(nextFrom, step);
  return {
    items: picked.map((p) => p.item),
    previousToken: prevAt < 0 ? null : encodePageToken({ direction: 'prev', key: (items[prevAt] as ItemRecord<K>).key, order, pageSize }),
    nextToken: nextAt < 0 ? null : encodePageToken({ direction: 'next', key: (items[nextAt] as ItemRecord<K>).key, order, pageSize }),
  };
}

/** Where a scan in `order` starting at `key` (inclusive) begins. */
function anchorIndex<K extends ItemKey>(items: readonly ItemRecord<K>[], key: K, order: SortOrder): number {
  const lb = lowerBound(items, key);
  if (order === 'asc') return lb;
  const at = items[lb];
  return at && compareKeys(at.key, key) === 0 ? lb : lb - 1;
}

const ZPageToken = z.object({
  direction: z.enum(['next', 'prev']),
  key: z.union([z.number(), z.string()]),
  order: z.enum(['asc', 'desc']),
  pageSize: z.number().int().positive(),
});

export function encodePageToken<K extends ItemKey>(token: PageToken<K>): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodePageToken(raw: string): PageToken<ItemKey> | null {
  try {
    const parsed = ZPageToken.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
