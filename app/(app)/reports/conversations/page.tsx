import Link from 'next/link';
import { ConversationRowsTable } from '@/components/reports/conversation-rows-table';
import { ExportLink } from '@/components/reports/export-link';
import { ReportFiltersForm } from '@/components/reports/report-filters-form';
import { ReportPageHeader } from '@/components/reports/report-page-header';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readConversationRows } from '@/lib/reports/read-conversation-rows';
import { readFilterOptions } from '@/lib/reports/read-filter-options';
import { readPageQuery } from '@/lib/reports/read-page-query';
import { toSearchParams } from '@/lib/reports/report-query';

export const metadata = { title: 'Report conversations · Switchboard' };

/** How many rows the page lists; the CSV has every one. */
const ROWS_ON_PAGE = 200;

export default async function ReportConversationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser(SUPERVISOR_ROLES);
  const { query, period, error, hasTimeZone } = readPageQuery(await searchParams);
  const rows = await readConversationRows({ period, filters: query, limit: ROWS_ON_PAGE + 1 });
  const options = await readFilterOptions();
  const search = toSearchParams(query);
  const agents = options.agents.filter((agent) => query.agent.includes(agent.id)).map((agent) => agent.name);
  return (
    <div className="h-full overflow-y-auto">
      <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
        <ReportPageHeader title={agents.length ? `Conversations handled by ${agents.join(', ')}` : 'Conversations'} period={period} error={error}>
          <Link href={`/reports?${search.toString()}`} className="text-xs font-medium text-indigo-700 hover:underline">
            Back to reports
          </Link>
          <ExportLink table="conversations" search={search} />
        </ReportPageHeader>
        <ReportFiltersForm query={query} options={options} hasTimeZone={hasTimeZone} />
        <p className="text-xs text-slate-600">Opened or resolved in the period, oldest first.</p>
        <ConversationRowsTable rows={rows.slice(0, ROWS_ON_PAGE)} timeZone={period.tz} />
        {rows.length > ROWS_ON_PAGE ? <p className="text-sm text-slate-600">The first {ROWS_ON_PAGE} are listed; the CSV has them all.</p> : null}
      </div>
    </div>
  );
}
