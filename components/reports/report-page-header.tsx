import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ReportPeriod } from '@/lib/reports/report-period';

/** The page's title, the period in words, and any problem with the URL's query. */
export function ReportPageHeader({ title, period, error, children }: { title: string; period: ReportPeriod; error: string | null; children?: ReactNode }) {
  const span = period.firstDay === period.lastDay ? period.firstDay : `${period.firstDay} to ${period.lastDay}`;
  return (
    <header className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="text-sm text-slate-600" data-testid="report-period">
          {span} ({period.tz}) · compared with {period.previous.firstDay === period.previous.lastDay ? period.previous.firstDay : `${period.previous.firstDay} to ${period.previous.lastDay}`}
        </p>
        {children}
      </div>
      {error ? <Alert>{error} Showing the last 7 days instead.</Alert> : null}
    </header>
  );
}
