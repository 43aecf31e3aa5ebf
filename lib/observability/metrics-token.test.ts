import { describe, expect, it } from 'vitest';
import { hasMetricsToken } from './metrics-token';

describe('hasMetricsToken', () => {
  it('accepts the configured bearer token only', () => {
    expect(hasMetricsToken('Bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(hasMetricsToken('bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(hasMetricsToken('Bearer s3cret-tokem', 's3cret-token')).toBe(false);
    expect(hasMetricsToken('Bearer s3cret', 's3cret-token')).toBe(false);
    expect(hasMetricsToken('Basic s3cret-token', 's3cret-token')).toBe(false);
    expect(hasMetricsToken(null, 's3cret-token')).toBe(false);
  });

  it('gives no bearer access when no token is configured', () => {
    expect(hasMetricsToken('Bearer anything', undefined)).toBe(false);
    expect(hasMetricsToken('Bearer ', '')).toBe(false);
  });
});
