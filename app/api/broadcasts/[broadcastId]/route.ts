import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readBroadcast } from '@/lib/broadcasts/broadcast-summary';

export const GET = withSession<{ broadcastId: string }>({ roles: SUPERVISOR_ROLES }, async ({ params }) => NextResponse.json(await readBroadcast(params.broadcastId)));
