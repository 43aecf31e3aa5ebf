import type { ItemKey, ItemRecord } from './state';

/** Lists order by numeric index, maps by plain JS string comparison (as the client's cache does). */
export function compareKeys(a: ItemKey, b: ItemKey): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Index of the first item whose key is ≥ `key` (items.length when none). */
export function lowerBound<K extends ItemKey>(items: readonly ItemRecord<K>[], key: K): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys((items[mid] as ItemRecord<K>).key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findItem<K extends ItemKey>(items: readonly ItemRecord<K>[], key: K): ItemRecord<K> | undefined {
  const at = lowerBound(items, key);
  const item = items[at];
  return item && item.key === key ? item : undefined;
}

/** Inserts or replaces by key; appending past the end (new messages) is O(1). */
export function upsertItem<K extends ItemKey>(items: ItemRecord<K>[], item: ItemRecord<K>): void {
  const last = items[items.length - 1];
  if (!last || compareKeys(last.key, item.key) < 0) {
    items.push(item);
    return;
  }
  const at = lowerBound(items, item.key);
  if (items[at]?.key === item.key) items[at] = item;
  else items.splice(at, 0, item);
}

export function removeItem<K extends ItemKey>(items: ItemRecord<K>[], key: K): ItemRecord<K> | undefined {
  const at = lowerBound(items, key);
  const item = items[at];
  if (!item || item.key !== key) return undefined;
  items.splice(at, 1);
  return item;
}
