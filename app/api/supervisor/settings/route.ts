import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { saveServiceLevelTargets, ZServiceLevelTargets } from '@/lib/supervision/team-settings';

export const PUT = withSession({ roles: SUPERVISOR_ROLES }, async ({ req, user }) =>
  NextResponse.json(await saveServiceLevelTargets(await readJson(req, ZServiceLevelTargets), user.id)),
);
