import { z } from 'zod';
import { channelFromIndex, channelLabel } from '@/lib/conversations/conversation-descriptor';

// What a report shows, as it travels in the URL (so a view can be shared): the date range, its
// time zone and the filters. Shared by the page, the export route and the filter form; no
// server imports here.

export const RANGE_PRESETS = ['today', '7d', '30d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const RANGE_LABELS: Record<RangePreset, string> = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days', custom: 'Custom' };

/** Longest custom range: a quarter, so hourly and daily series stay readable and cheap. */
export const MAX_RANGE_DAYS = 92;

export const REPORT_CHANNELS = ['SMS', 'WHATSAPP', 'CHAT', 'GROUP'] as const;
export const CHANNEL_LABELS = Object.fromEntries(REPORT_CHANNELS.map((channel) => [channel, channelLabel(channelFromIndex(channel))])) as Record<(typeof REPORT_CHANNELS)[number], string>;

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-21.');

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const ZList = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? [...new Set(value)] : [value]));

/**
 * The conversation filters. Each is a list of values in the URL (`?channel=SMS&channel=GROUP`);
 * a conversation passes when it matches any value of every filter given. To add one (labels),
 * add its key here and its SQL predicate in report-filters.ts.
 */
export const ZReportFilters = z.object({
  channel: ZList(z.enum(REPORT_CHANNELS)),
  agent: ZList(z.string().min(1).max(64)),
  number: ZList(z.string().min(1).max(64)),
  label: ZList(z.string().min(1).max(64)),
});
export type TReportFilters = z.output<typeof ZReportFilters>;
export const FILTER_KEYS = Object.keys(ZReportFilters.shape) as (keyof TReportFilters)[];

export const ZReportQuery = ZReportFilters.extend({
  range: z.enum(RANGE_PRESETS).default('7d'),
  from: ZDay.optional(),
  to: ZDay.optional(),
  tz: z.string().max(64).refine(isTimeZone, 'Unknown time zone.').default('UTC'),
})
  .refine((query) => query.range !== 'custom' || (query.from && query.to), { message: 'A custom range needs a start and an end date.', path: ['from'] })
  .refine((query) => query.range !== 'custom' || !query.from || !query.to || query.from <= query.to, { message: 'The start comes before the end.', path: ['to'] })
  .refine((query) => query.range !== 'custom' || !query.from || !query.to || daysBetween(query.from, query.to) < MAX_RANGE_DAYS, {
    message: `A range is at most ${MAX_RANGE_DAYS} days.`,
    path: ['to'],
  });
export type TReportQuery = z.output<typeof ZReportQuery>;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** URLSearchParams or Next's searchParams object → the raw values zod parses (lists kept as lists). */
export function searchParamsInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const entries = params instanceof URLSearchParams ? [...params.keys()].map((key) => [key, params.getAll(key)] as const) : Object.entries(params);
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
    if (values.length > 0) input[key] = values.length === 1 ? values[0]! : values;
  }
  return input;
}

/** The query back to a URL search string (the same view elsewhere: a CSV, an agent's conversations). */
export function toSearchParams(query: TReportQuery, overrides: Partial<TReportFilters> = {}): URLSearchParams {
  const params = new URLSearchParams({ range: query.range, tz: query.tz });
  if (query.range === 'custom' && query.from && query.to) {
    params.set('from', query.from);
    params.set('to', query.to);
  }
  for (const key of FILTER_KEYS) for (const value of overrides[key] ?? query[key]) params.append(key, value);
  return params;
}
