import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readFloorOverviewAfter } from '@/lib/supervision/shared-floor-overview';

// `after`: the live event that made the console refetch (one read may serve every console).
export const GET = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) =>
  NextResponse.json(await readFloorOverviewAfter(req.nextUrl.searchParams.get('after')), { headers: { 'cache-control': 'no-store' } }),
);
