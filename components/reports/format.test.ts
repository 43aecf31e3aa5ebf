import { describe, expect, it } from 'vitest';
import { describeChange, formatBucket, formatDuration, formatPercent } from './format';

describe('report formatting', () => {
  it('reads durations to their two largest units', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(303)).toBe('5m 3s');
    expect(formatDuration(3 * 3600 + 4)).toBe('3h 0m');
    expect(formatDuration(2 * 86_400 + 5 * 3600)).toBe('2d 5h');
    expect(formatPercent(1 / 3)).toBe('33%');
  });

  it('says how a figure moved and whether that is good', () => {
    expect(describeChange(12, 10, { kind: 'relative', higherIsBetter: true })).toEqual({ text: '+20%', tone: 'better' });
    expect(describeChange(120, 60, { kind: 'relative', higherIsBetter: false })).toEqual({ text: '+100%', tone: 'worse' });
    expect(describeChange(0.8, 0.9, { kind: 'points', higherIsBetter: true })).toEqual({ text: '−10 pts', tone: 'worse' });
    expect(describeChange(3, 0, { kind: 'relative', higherIsBetter: null })).toEqual({ text: 'new', tone: 'same' });
    expect(describeChange(5, null, { kind: 'relative', higherIsBetter: true })).toBeNull();
  });

  it('labels buckets by hour or by day', () => {
    expect(formatBucket('2026-11-21T14:00', 'hour')).toBe('14:00');
    expect(formatBucket('2026-11-21T00:00', 'day')).toBe('21 Nov');
  });
});
