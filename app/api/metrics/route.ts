import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/api/app-error';
import { errorResponse } from '@/lib/api/error-response';
import { withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { metrics } from '@/lib/observability/metrics';
import { hasMetricsToken } from '@/lib/observability/metrics-token';

async function exposition(): Promise<Response> {
  return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' } });
}

const forAdmins = withSession({ roles: ADMIN_ROLES }, exposition);

// Prometheus text format, for a scraper with `Authorization: Bearer $METRICS_TOKEN` or for a
// signed-in admin.
export async function GET(req: NextRequest, context: { params: Promise<Record<string, never>> }) {
  const authorization = req.headers.get('authorization');
  if (hasMetricsToken(authorization)) return exposition();
  if (authorization) return errorResponse(new AppError('unauthorized', 'The metrics token is wrong.'));
  return forAdmins(req, context);
}
