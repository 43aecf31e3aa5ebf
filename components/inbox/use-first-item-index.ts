'use client';

import { useState } from 'react';

const BASE = 1_000_000_000;

/**
 * Virtuoso keeps the scroll position when history is prepended if `firstItemIndex` drops by
 * the number of rows added at the top. Rows are only ever prepended (older pages) or appended
 * (new messages), so finding the previous first row in the new list tells how many.
 */
export function useFirstItemIndex(keys: string[]): number {
  const [tracked, setTracked] = useState({ key: keys[0], index: BASE });
  if (keys[0] === tracked.key) return tracked.index;
  // Adjusting state while rendering, from the previous render's value (React's documented pattern).
  const moved = tracked.key === undefined ? -1 : keys.indexOf(tracked.key);
  const next = { key: keys[0], index: moved > 0 ? tracked.index - moved : tracked.index };
  setTracked(next);
  return next.index;
}
