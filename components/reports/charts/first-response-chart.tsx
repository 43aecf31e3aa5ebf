'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { FirstResponseBand } from '@/lib/reports/read-first-response-distribution';
import { ChartFigure, NumbersTable } from '../chart-figure';
import { formatDuration } from '../format';
import { AXIS_PROPS, CHART, TOOLTIP_PROPS } from './chart-theme';

export function FirstResponseChart({ data, targetSeconds }: { data: FirstResponseBand[]; targetSeconds: number }) {
  return (
    <ChartFigure
      id="first-response"
      title="First response time"
      description={`Conversations by how long the customer waited for the first answer (target: ${formatDuration(targetSeconds)}).`}
      table={<NumbersTable caption="Conversations by first response time" columns={['Answered within', 'Conversations']} rows={data.map((band) => [band.band, band.conversations])} />}
    >
      <BarChart data={data} responsive style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={CHART.grid} vertical={false} />
        <XAxis dataKey="band" {...AXIS_PROPS} interval={0} />
        <YAxis allowDecimals={false} {...AXIS_PROPS} />
        <Tooltip {...TOOLTIP_PROPS} cursor={{ fill: CHART.grid }} />
        <Bar dataKey="conversations" name="Conversations" fill={CHART.bar} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
