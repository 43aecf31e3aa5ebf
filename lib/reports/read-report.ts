import { readAgentStats, type AgentStats } from './read-agent-stats';
import { readBacklogSeries, type BacklogPoint } from './read-backlog-series';
import { readBusiestHours, type BusiestHours } from './read-busiest-hours';
import { readCsatResponses, type CsatResponse } from './read-csat-responses';
import { readFirstResponseDistribution, type FirstResponseBand } from './read-first-response-distribution';
import { readOverview, type Overview } from './read-overview';
import { readServiceLevelSeries, type ServiceLevelPoint } from './read-service-level-series';
import { readVolumeSeries, type VolumePoint } from './read-volume-series';
import type { ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';

export type Report = {
  overview: Overview;
  volume: VolumePoint[];
  firstResponse: FirstResponseBand[];
  busiestHours: BusiestHours;
  backlog: BacklogPoint[];
  serviceLevel: ServiceLevelPoint[];
  agents: AgentStats[];
  csatResponses: CsatResponse[];
};

/** How many survey answers the page lists (the CSV has them all). */
export const CSAT_RESPONSES_ON_PAGE = 50;

/** Everything the reports page shows for one period and set of filters. */
export async function readReport(input: { period: ReportPeriod; filters: TReportFilters }): Promise<Report> {
  // One after another: the embedded database has a single connection anyway, and on a shared
  // server this keeps one report from taking the whole pool.
  const overview = await readOverview(input);
  const volume = await readVolumeSeries(input);
  const firstResponse = await readFirstResponseDistribution(input);
  const busiestHours = await readBusiestHours(input);
  const backlog = await readBacklogSeries(input);
  const serviceLevel = await readServiceLevelSeries(input);
  const agents = await readAgentStats(input);
  const csatResponses = await readCsatResponses({ ...input, limit: CSAT_RESPONSES_ON_PAGE });
  return { overview, volume, firstResponse, busiestHours, backlog, serviceLevel, agents, csatResponses };
}
