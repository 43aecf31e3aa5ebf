import type { Overview, OverviewFigures } from '@/lib/reports/read-overview';
import { type Change, describeChange, formatAverage, formatCount, formatDuration, formatPercent } from './format';

type Card = {
  id: string;
  label: string;
  value: (figures: OverviewFigures) => number | null;
  format: (value: number | null) => string;
  kind: 'relative' | 'points';
  higherIsBetter: boolean | null;
  detail?: (figures: OverviewFigures) => string;
};

const count = (value: number | null) => (value === null ? '—' : formatCount(value));

/** The overview's figures, in order: what each is, how it reads, and which way is better. */
export const OVERVIEW_CARDS = (targetSeconds: number): Card[] => [
  { id: 'opened', label: 'Opened', value: (f) => f.opened, format: count, kind: 'relative', higherIsBetter: null },
  { id: 'resolved', label: 'Resolved', value: (f) => f.resolved, format: count, kind: 'relative', higherIsBetter: true },
  { id: 'still-open', label: 'Still open', value: (f) => f.stillOpen, format: count, kind: 'relative', higherIsBetter: false },
  { id: 'messages-in', label: 'Messages in', value: (f) => f.messagesIn, format: count, kind: 'relative', higherIsBetter: null },
  { id: 'messages-out', label: 'Messages out', value: (f) => f.messagesOut, format: count, kind: 'relative', higherIsBetter: null },
  { id: 'first-response-median', label: 'First response (median)', value: (f) => f.firstResponseMedianSeconds, format: formatDuration, kind: 'relative', higherIsBetter: false },
  { id: 'first-response-p90', label: 'First response (90th percentile)', value: (f) => f.firstResponseP90Seconds, format: formatDuration, kind: 'relative', higherIsBetter: false },
  { id: 'resolution-median', label: 'Resolution (median)', value: (f) => f.resolutionMedianSeconds, format: formatDuration, kind: 'relative', higherIsBetter: false },
  {
    id: 'service-level',
    label: `Answered within ${formatDuration(targetSeconds)}`,
    value: (f) => f.serviceLevel,
    format: formatPercent,
    kind: 'points',
    higherIsBetter: true,
    detail: (f) => `${f.serviceLevelMet} of ${f.serviceLevelMet + f.serviceLevelMissed}`,
  },
  { id: 'csat-score', label: 'CSAT (4–5 of 5)', value: (f) => f.csatScore, format: formatPercent, kind: 'points', higherIsBetter: true, detail: (f) => `average ${formatAverage(f.csatAverage)}` },
  {
    id: 'csat-response-rate',
    label: 'Survey response rate',
    value: (f) => f.csatResponseRate,
    format: formatPercent,
    kind: 'points',
    higherIsBetter: true,
    detail: (f) => `${f.surveysAnswered} of ${f.surveysSent}`,
  },
];

const TONE: Record<Change['tone'], string> = { better: 'text-emerald-700', worse: 'text-red-700', same: 'text-slate-500' };

export function OverviewCards({ overview, previousLabel }: { overview: Overview; previousLabel: string }) {
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title" className="sr-only">
        Overview
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
        {OVERVIEW_CARDS(overview.firstResponseTargetSeconds).map((card) => {
          const current = card.value(overview.current);
          const change = describeChange(current, card.value(overview.previous), card);
          return (
            <div key={card.id} data-testid={`overview-${card.id}`} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-xs font-medium text-slate-600">{card.label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900" data-testid="value">
                {card.format(current)}
              </dd>
              <dd className="text-xs text-slate-500">
                {card.detail ? <span className="mr-1">{card.detail(overview.current)} ·</span> : null}
                {change ? (
                  <span className={TONE[change.tone]} data-testid="change">
                    {change.text} <span className="text-slate-500">vs {previousLabel}</span>
                  </span>
                ) : (
                  <span>— vs {previousLabel}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
