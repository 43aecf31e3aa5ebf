import { timingSafeEqual } from 'node:crypto';

/**
 * Whether `Authorization: Bearer …` carries METRICS_TOKEN (for a Prometheus scraper, which has
 * no session). No token configured: no bearer access.
 */
export function hasMetricsToken(authorization: string | null, expected = process.env.METRICS_TOKEN): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!given || !expected) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
