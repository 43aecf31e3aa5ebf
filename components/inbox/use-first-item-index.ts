'use client';

import { useState } from 'react';

const BASE = 1_000_000_000;

/**
 * Virtuoso keeps the scroll position when history is prepended if `firstItemIndex` drops by
 * the number of rows added at the top. Rows are only ever prepended (older pages) or appended
 * (new messages), so finding the previous first row in the new list tells how many.
 */
export function useFirstItemIndex(rows: readonly { key: string }[]): number {
  const firstKey = rows[0]?.key;
  const [tracked, setTracked] = useState({ key: firstKey, index: BASE });
  if (firstKey === tracked.key) return tracked.index;
  // Adjusting state while rendering, from the previous render's value (React's documented pattern).
  const moved = tracked.key === undefined ? -1 : rows.findIndex((row) => row.key === tracked.key);
  const next = { key: firstKey, index: moved > 0 ? tracked.index - moved : tracked.index };
  setTracked(next);
  return next.index;
}
