'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { CHANNEL_LABELS, REPORT_CHANNELS } from '@/lib/reports/report-query';
import type { VolumePoint } from '@/lib/reports/read-volume-series';
import { ChartFigure, NumbersTable } from '../chart-figure';
import { formatBucket } from '../format';
import { AXIS_PROPS, CHART, TOOLTIP_PROPS } from './chart-theme';

export function VolumeChart({ data, granularity }: { data: VolumePoint[]; granularity: 'hour' | 'day' }) {
  const points = data.map((point) => ({ ...point, label: formatBucket(point.bucket, granularity) }));
  return (
    <ChartFigure
      id="volume"
      title="Conversations opened"
      description={`Per ${granularity}, stacked by channel.`}
      table={<NumbersTable caption="Conversations opened by channel" columns={['When', ...REPORT_CHANNELS.map((c) => CHANNEL_LABELS[c])]} rows={points.map((p) => [p.label, ...REPORT_CHANNELS.map((c) => p[c])])} />}
    >
      <BarChart data={points} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="label" {...AXIS_PROPS} />
        <YAxis allowDecimals={false} {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} cursor={{ fill: CHART.grid }} />
        <Legend wrapperStyle={{ fontSize: 12, color: CHART.text }} />
        {REPORT_CHANNELS.map((channel) => (
          <Bar key={channel} dataKey={channel} name={CHANNEL_LABELS[channel]} stackId="volume" fill={CHART.channels[channel]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
