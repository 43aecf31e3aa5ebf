import Link from 'next/link';
import { AgentsTable } from '@/components/reports/agents-table';
import { BacklogChart } from '@/components/reports/charts/backlog-chart';
import { BusiestHoursHeatmap } from '@/components/reports/charts/busiest-hours-heatmap';
import { FirstResponseChart } from '@/components/reports/charts/first-response-chart';
import { ServiceLevelChart } from '@/components/reports/charts/service-level-chart';
import { VolumeChart } from '@/components/reports/charts/volume-chart';
import { CsatComments } from '@/components/reports/csat-comments';
import { ExportLink } from '@/components/reports/export-link';
import { OverviewCards } from '@/components/reports/overview-cards';
import { ReportFiltersForm } from '@/components/reports/report-filters-form';
import { ReportPageHeader } from '@/components/reports/report-page-header';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readFilterOptions } from '@/lib/reports/read-filter-options';
import { readPageQuery } from '@/lib/reports/read-page-query';
import { readReport } from '@/lib/reports/read-report';
import { toSearchParams } from '@/lib/reports/report-query';

export const metadata = { title: 'Reports · Switchboard' };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser(SUPERVISOR_ROLES);
  const { query, period, error, hasTimeZone } = readPageQuery(await searchParams);
  const report = await readReport({ period, filters: query });
  const options = await readFilterOptions();
  const search = toSearchParams(query);
  const conversationsHrefs = Object.fromEntries(report.agents.map((agent) => [agent.id, `/reports/conversations?${toSearchParams(query, { agent: [agent.id] }).toString()}`]));
  const previousLabel = query.range === 'today' ? 'yesterday' : 'previous period';
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
        <ReportPageHeader title="Reports" period={period} error={error}>
          <ExportLink table="overview" search={search} label="Overview CSV" />
          <Link href={`/reports/conversations?${search.toString()}`} className="text-xs font-medium text-indigo-700 hover:underline">
            Conversations
          </Link>
          <ExportLink table="conversations" search={search} label="Conversations CSV" />
        </ReportPageHeader>
        <ReportFiltersForm query={query} options={options} hasTimeZone={hasTimeZone} />
        <OverviewCards overview={report.overview} previousLabel={previousLabel} />
        <section aria-label="Charts" className="grid gap-4 lg:grid-cols-2">
          <VolumeChart data={report.volume} granularity={period.granularity} />
          <FirstResponseChart data={report.firstResponse} targetSeconds={report.overview.firstResponseTargetSeconds} />
          <BusiestHoursHeatmap data={report.busiestHours} tz={period.tz} />
          <BacklogChart data={report.backlog} granularity={period.granularity} />
          <ServiceLevelChart data={report.serviceLevel} granularity={period.granularity} targetSeconds={report.overview.firstResponseTargetSeconds} />
        </section>
        <p className="-mt-2 flex flex-wrap gap-3 text-xs text-slate-600">
          Chart data: <ExportLink table="volume" search={search} label="volume" /> <ExportLink table="first-response" search={search} label="first response" />{' '}
          <ExportLink table="busiest-hours" search={search} label="busiest hours" /> <ExportLink table="backlog" search={search} label="backlog" />{' '}
          <ExportLink table="service-level" search={search} label="service level" />
        </p>
        <section aria-labelledby="agents-title" className="flex flex-col gap-2">
          <div className="flex items-baseline gap-3">
            <h2 id="agents-title" className="text-base font-semibold">
              Agents
            </h2>
            <ExportLink table="agents" search={search} />
          </div>
          <AgentsTable rows={report.agents} conversationsHrefs={conversationsHrefs} />
        </section>
        <section aria-labelledby="csat-title" className="flex flex-col gap-2">
          <div className="flex items-baseline gap-3">
            <h2 id="csat-title" className="text-base font-semibold">
              Customer satisfaction: comments
            </h2>
            <ExportLink table="csat" search={search} />
            <Link href="/supervisor/surveys" className="text-xs font-medium text-indigo-700 hover:underline">
              Survey settings
            </Link>
          </div>
          <CsatComments responses={report.csatResponses} timeZone={period.tz} />
        </section>
      </div>
    </div>
  );
}
