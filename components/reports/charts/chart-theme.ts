// Recharts reads colours as strings; these point at the CSS variables in app/globals.css, so
// the charts follow whatever theme defines them.
export const CHART = {
  grid: 'var(--color-chart-grid)',
  axis: 'var(--color-chart-axis)',
  text: 'var(--color-chart-text)',
  surface: 'var(--color-chart-surface)',
  bar: 'var(--color-chart-bar)',
  open: 'var(--color-chart-open)',
  queued: 'var(--color-chart-queued)',
  met: 'var(--color-chart-met)',
  target: 'var(--color-chart-target)',
  channels: {
    SMS: 'var(--color-chart-sms)',
    WHATSAPP: 'var(--color-chart-whatsapp)',
    CHAT: 'var(--color-chart-chat)',
    GROUP: 'var(--color-chart-group)',
  },
} as const;

export const AXIS_PROPS = { stroke: CHART.axis, tick: { fill: CHART.axis, fontSize: 11 }, tickLine: false } as const;

export const TOOLTIP_PROPS = {
  contentStyle: { background: CHART.surface, borderColor: CHART.grid, color: CHART.text, fontSize: 12, borderRadius: 6 },
  labelStyle: { color: CHART.text },
} as const;
