import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readFloorOverview } from '@/lib/supervision/floor-overview';

export const GET = withSession({ roles: SUPERVISOR_ROLES }, async () =>
  NextResponse.json(await readFloorOverview(), { headers: { 'cache-control': 'no-store' } }),
);
