import type { BusiestHours } from '@/lib/reports/read-busiest-hours';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** From this strength the cell's colour holds its count at 4.5:1 or more in both colour schemes (from 83 % in light, 79 % in dark). */
const LABELLED_FROM = 85;

/**
 * Weekday × hour of customers' messages. A heatmap is a table of numbers with colour on top, so
 * it is one: screen readers read it cell by cell with its headers, and every cell shows its
 * count on hover. The colour's strength is the count against the busiest hour.
 */
export function BusiestHoursHeatmap({ data, tz }: { data: BusiestHours; tz: string }) {
  return (
    <figure aria-labelledby="busiest-hours-title" data-testid="chart-busiest-hours" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption>
        <h3 id="busiest-hours-title" className="text-sm font-semibold text-slate-900">
          Busiest hours
        </h3>
        <p className="text-xs text-slate-600">Customer messages by weekday and hour ({tz}); darker is busier.</p>
      </figcaption>
      {/* On a phone the 24 hours scroll sideways inside the figure; the keyboard can scroll it too. */}
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="busiest-hours-title">
        <table className="w-full border-separate border-spacing-0.5 text-[10px]">
          <caption className="sr-only">Customer messages by weekday and hour</caption>
          <thead>
            <tr>
              <td aria-hidden="true" />
              {HOURS.map((hour) => (
                <th key={hour} scope="col" className="font-normal text-slate-500">
                  <span className="sr-only">{hour}:00</span>
                  <span aria-hidden="true">{hour % 3 === 0 ? hour : ''}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((weekday, day) => (
              <tr key={weekday}>
                <th scope="row" className="pr-1 text-right font-normal text-slate-600">
                  <abbr title={weekday} className="no-underline">
                    {weekday.slice(0, 3)}
                  </abbr>
                </th>
                {HOURS.map((hour) => {
                  const count = data.counts[day]?.[hour] ?? 0;
                  const strength = data.max > 0 ? Math.round((count / data.max) * 100) : 0;
                  return (
                    <td
                      key={hour}
                      title={`${weekday} ${hour}:00 — ${count} messages`}
                      className="h-5 min-w-4 rounded-sm text-center tabular-nums"
                      style={{ background: `color-mix(in oklab, var(--color-chart-heat) ${strength}%, var(--color-chart-grid))`, color: strength >= LABELLED_FROM ? 'var(--color-chart-surface)' : 'transparent' }}
                    >
                      <span className={strength >= LABELLED_FROM ? '' : 'sr-only'}>{count}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
