'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { ChevronDown } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CHANNEL_LABELS, RANGE_LABELS, RANGE_PRESETS, REPORT_CHANNELS, type TReportQuery, toSearchParams } from '@/lib/reports/report-query';

type Options = { agents: { id: string; name: string }[]; numbers: string[]; labels: { id: string; name: string }[] };

/**
 * The report's range, time zone and filters as a plain GET form: applying it changes the URL,
 * so every view can be bookmarked and shared. Without a zone in the URL, the browser's own is
 * put there once.
 */
export function ReportFiltersForm({ query, options, hasTimeZone }: { query: TReportQuery; options: Options; hasTimeZone: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [range, setRange] = useState(query.range);
  const timeZones = useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return [...new Set(['UTC', query.tz, ...zones])];
  }, [query.tz]);

  useEffect(() => {
    if (hasTimeZone) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && browserZone !== query.tz) router.replace(`${pathname}?${toSearchParams({ ...query, tz: browserZone }).toString()}`);
  }, [hasTimeZone, pathname, query, router]);

  return (
    <form method="get" action={pathname} aria-label="Report filters" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Period</span>
        <select name="range" value={range} onChange={(event) => setRange(event.target.value as TReportQuery['range'])} className="rounded-md border border-slate-300 px-2 py-1">
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
        </select>
      </label>
      {range === 'custom' ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-600">From</span>
            <input type="date" name="from" required defaultValue={query.from} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-600">To</span>
            <input type="date" name="to" required defaultValue={query.to} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
        </>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Time zone</span>
        <select name="tz" defaultValue={query.tz} className="max-w-56 rounded-md border border-slate-300 px-2 py-1">
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <CheckboxFilter name="channel" legend="Channels" selected={query.channel} options={REPORT_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))} />
      <CheckboxFilter name="agent" legend="Agents" selected={query.agent} options={options.agents.map((agent) => ({ value: agent.id, label: agent.name }))} />
      <CheckboxFilter name="number" legend="Numbers" selected={query.number} options={options.numbers.map((number) => ({ value: number, label: number }))} />
      <CheckboxFilter name="label" legend="Labels" selected={query.label} options={options.labels.map((label) => ({ value: label.id, label: label.name }))} />
      <Button type="submit">Apply</Button>
    </form>
  );
}

/** A filter's values as checkboxes in a disclosure; none checked means no filter. */
function CheckboxFilter({ name, legend, selected, options }: { name: string; legend: string; selected: string[]; options: { value: string; label: string }[] }) {
  const summary = selected.length === 0 ? 'All' : `${selected.length} selected`;
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">{legend}</span>
        <span className="inline-flex items-center justify-between gap-1 rounded-md border border-slate-300 px-2 py-1">{summary}<ChevronDown aria-hidden className="h-4 w-4 text-slate-500" /></span>
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-72 min-w-48 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">{legend}</legend>
        {options.length === 0 ? <p className="text-xs text-slate-500">None yet.</p> : null}
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 py-0.5">
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
