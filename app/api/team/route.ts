import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { listTeam } from '@/lib/users/list-team';

export const GET = withSession({}, async () => NextResponse.json({ team: await listTeam() }));
