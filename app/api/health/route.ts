import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/observability/check-health';

// For load balancers and uptime checks: no session (it tells only "ok" or "unreachable" per
// dependency). 503 while either is down, so a balancer takes the instance out.
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
