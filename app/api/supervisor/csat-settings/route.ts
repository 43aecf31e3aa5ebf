import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readCsatSettings, saveCsatSettings } from '@/lib/csat/csat-settings';
import { ZCsatChannelSettings } from '@/lib/csat/csat-settings-schema';

export const GET = withSession({ roles: SUPERVISOR_ROLES }, async () => NextResponse.json({ settings: await readCsatSettings() }));

export const PUT = withSession({ roles: SUPERVISOR_ROLES }, async ({ req, user }) =>
  NextResponse.json(await saveCsatSettings(await readJson(req, ZCsatChannelSettings), user.id)),
);
