'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ServiceLevelPoint } from '@/lib/reports/read-service-level-series';
import { ChartFigure, NumbersTable } from '../chart-figure';
import { formatBucket, formatDuration, formatPercent } from '../format';
import { AXIS_PROPS, CHART, TOOLTIP_PROPS } from './chart-theme';

export function ServiceLevelChart({ data, granularity, targetSeconds }: { data: ServiceLevelPoint[]; granularity: 'hour' | 'day'; targetSeconds: number }) {
  const points = data.map((point) => ({ ...point, label: formatBucket(point.bucket, granularity), percent: point.attainment === null ? null : Math.round(point.attainment * 100) }));
  return (
    <ChartFigure
      id="service-level"
      title="Service level"
      description={`Share of conversations first answered within ${formatDuration(targetSeconds)}, by when the customer first wrote.`}
      table={<NumbersTable caption="Service level" columns={['When', 'Within target', 'Late', 'Attainment']} rows={points.map((p) => [p.label, p.met, p.missed, formatPercent(p.attainment)])} />}
    >
      <LineChart data={points} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" {...AXIS_PROPS} />
        <YAxis domain={[0, 100]} unit="%" {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} formatter={(value) => [`${String(value)}%`, 'Within target']} />
        <ReferenceLine y={100} stroke={CHART.target} strokeDasharray="2 4" />
        <Line type="monotone" dataKey="percent" name="Within target" stroke={CHART.met} strokeWidth={2} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}
