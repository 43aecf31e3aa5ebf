'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacklogPoint } from '@/lib/reports/read-backlog-series';
import { ChartFigure, NumbersTable } from '../chart-figure';
import { formatBucket } from '../format';
import { AXIS_PROPS, CHART, TOOLTIP_PROPS } from './chart-theme';

export function BacklogChart({ data, granularity }: { data: BacklogPoint[]; granularity: 'hour' | 'day' }) {
  const points = data.map((point) => ({ ...point, label: formatBucket(point.bucket, granularity) }));
  return (
    <ChartFigure
      id="backlog"
      title="Backlog"
      description={`Conversations open, and waiting in the queue, at the end of each ${granularity}.`}
      table={<NumbersTable caption="Backlog" columns={['At the end of', 'Open', 'Queued']} rows={points.map((p) => [p.label, p.open, p.queued])} />}
    >
      <LineChart data={points} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" {...AXIS_PROPS} />
        <YAxis allowDecimals={false} {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} />
        <Legend wrapperStyle={{ fontSize: 12, color: CHART.text }} />
        <Line type="stepAfter" dataKey="open" name="Open" stroke={CHART.open} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="stepAfter" dataKey="queued" name="Queued" stroke={CHART.queued} strokeWidth={2} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}
