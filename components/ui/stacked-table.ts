/**
 * Class names that show a data table as a stack of cards on phones (below Tailwind's `md`) and
 * as a table from tablets up. One markup for both, so every row and cell keeps its table role
 * and test id; each cell on a card shows its column name from `data-label` (CSS, not text).
 * A card is a two-column grid: `wide` cells (the title, long text, actions) span both.
 */
export const stackedTable = {
  table: 'max-md:block',
  /** Column headers stay for screen readers; a card labels each value itself. */
  head: 'max-md:sr-only',
  body: 'max-md:block max-md:space-y-2 max-md:p-2',
  row: 'max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-1 max-md:rounded-md max-md:border max-md:border-slate-200 max-md:p-2',
  cell: 'max-md:block max-md:p-0 max-md:min-w-0 max-md:break-words max-md:before:block max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]',
  wide: 'max-md:col-span-2',
} as const;
