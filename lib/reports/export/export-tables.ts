import { readAgentStats } from '../read-agent-stats';
import { readBacklogSeries } from '../read-backlog-series';
import { readBusiestHours } from '../read-busiest-hours';
import { readConversationRows } from '../read-conversation-rows';
import { readCsatResponses } from '../read-csat-responses';
import { readFirstResponseDistribution } from '../read-first-response-distribution';
import { readOverview, type OverviewFigures } from '../read-overview';
import { readServiceLevelSeries } from '../read-service-level-series';
import { readVolumeSeries } from '../read-volume-series';
import type { ReportPeriod } from '../report-period';
import type { TReportFilters } from '../report-query';

export type CsvValue = string | number | null;
type Input = { period: ReportPeriod; filters: TReportFilters };
/** A table's columns, and its rows a page at a time (so the biggest never sits in memory whole). */
type ExportTable = { columns: string[]; pages: (input: Input) => AsyncGenerator<CsvValue[][]> };

const PAGE = 1000;
const once = (read: (input: Input) => Promise<CsvValue[][]>) =>
  async function* (input: Input) {
    yield await read(input);
  };

const OVERVIEW_FIELDS: (keyof OverviewFigures)[] = [
  'opened',
  'resolved',
  'stillOpen',
  'messagesIn',
  'messagesOut',
  'firstResponseMedianSeconds',
  'firstResponseP90Seconds',
  'resolutionMedianSeconds',
  'serviceLevel',
  'serviceLevelMet',
  'serviceLevelMissed',
  'surveysSent',
  'surveysAnswered',
  'csatScore',
  'csatAverage',
  'csatResponseRate',
];

/**
 * Every table the reports page shows, as CSV: raw values (seconds, 0–1 shares, ISO times in
 * UTC) so a spreadsheet can compute with them. Survey answers and the per-conversation rows
 * are read in keyset pages.
 */
export const EXPORT_TABLES = {
  overview: {
    columns: ['metric', 'current', 'previous'],
    pages: once(async (input) => {
      const { current, previous } = await readOverview(input);
      return OVERVIEW_FIELDS.map((field) => [field, current[field], previous[field]]);
    }),
  },
  agents: {
    columns: [
      'agent_id',
      'agent',
      'role',
      'conversations',
      'first_response_median_seconds',
      'resolution_median_seconds',
      'replies_sent',
      'transfers_in',
      'transfers_out',
      'available_seconds',
      'surveys_sent',
      'surveys_answered',
      'csat_score',
      'csat_average',
      'csat_response_rate',
    ],
    pages: once(async (input) =>
      (await readAgentStats(input)).map((row) => [
        row.id,
        row.name,
        row.role,
        row.handled,
        row.firstResponseMedianSeconds,
        row.resolutionMedianSeconds,
        row.repliesSent,
        row.transfersIn,
        row.transfersOut,
        row.availableSeconds,
        row.surveysSent,
        row.surveysAnswered,
        row.csatScore,
        row.csatAverage,
        row.csatResponseRate,
      ]),
    ),
  },
  volume: {
    columns: ['bucket', 'sms', 'whatsapp', 'chat', 'group'],
    pages: once(async (input) => (await readVolumeSeries(input)).map((p) => [p.bucket, p.SMS, p.WHATSAPP, p.CHAT, p.GROUP])),
  },
  'first-response': {
    columns: ['answered_within', 'conversations'],
    pages: once(async (input) => (await readFirstResponseDistribution(input)).map((band) => [band.band, band.conversations])),
  },
  'busiest-hours': {
    columns: ['weekday', ...Array.from({ length: 24 }, (_, hour) => `h${String(hour).padStart(2, '0')}`)],
    pages: once(async (input) => {
      const { counts } = await readBusiestHours(input);
      return ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((day, index) => [day, ...(counts[index] ?? [])]);
    }),
  },
  backlog: {
    columns: ['bucket_end_of', 'open', 'queued'],
    pages: once(async (input) => (await readBacklogSeries(input)).map((p) => [p.bucket, p.open, p.queued])),
  },
  'service-level': {
    columns: ['bucket', 'within_target', 'late', 'attainment'],
    pages: once(async (input) => (await readServiceLevelSeries(input)).map((p) => [p.bucket, p.met, p.missed, p.attainment])),
  },
  csat: {
    columns: ['responded_at', 'conversation_sid', 'agent', 'score', 'comment'],
    async *pages(input) {
      let before: { respondedAt: string; conversationSid: string } | undefined;
      for (;;) {
        const rows = await readCsatResponses({ ...input, limit: PAGE, before });
        if (rows.length > 0) yield rows.map((row) => [row.respondedAt, row.conversationSid, row.agentName, row.score, row.comment]);
        if (rows.length < PAGE) return;
        const last = rows[rows.length - 1]!;
        before = { respondedAt: last.respondedAt, conversationSid: last.conversationSid };
      }
    },
  },
  conversations: {
    columns: [
      'conversation_sid',
      'channel',
      'customer',
      'number',
      'state',
      'opened_at',
      'first_customer_message_at',
      'first_response_at',
      'first_response_seconds',
      'first_responder',
      'resolved_at',
      'resolution_seconds',
      'resolved_by',
      'handled_by',
      'messages_in',
      'messages_out',
      'csat_score',
      'csat_comment',
    ],
    async *pages(input) {
      let after: { openedAt: string; sid: string } | undefined;
      for (;;) {
        const rows = await readConversationRows({ ...input, limit: PAGE, after });
        if (rows.length > 0)
          yield rows.map((row) => [
            row.sid,
            row.channel,
            row.customer,
            row.twilioNumber,
            row.state,
            row.openedAt,
            row.firstInboundAt,
            row.firstResponseAt,
            row.firstResponseSeconds,
            row.firstResponder,
            row.resolvedAt,
            row.resolutionSeconds,
            row.resolvedBy,
            row.handledBy.join('; '),
            row.messagesIn,
            row.messagesOut,
            row.csatScore,
            row.csatComment,
          ]);
        if (rows.length < PAGE) return;
        const last = rows[rows.length - 1]!;
        after = { openedAt: last.openedAt, sid: last.sid };
      }
    },
  },
} satisfies Record<string, ExportTable>;

export type ExportTableName = keyof typeof EXPORT_TABLES;
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTableName[];
