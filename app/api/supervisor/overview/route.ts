import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readFloorOverviewJsonAfter } from '@/lib/supervision/shared-floor-overview';

// `after`: the live event that made the console refetch (one read may serve every console).
export const GET = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) =>
  new Response(await readFloorOverviewJsonAfter(req.nextUrl.searchParams.get('after')), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }),
);
