import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { listCannedResponses, saveCannedResponse } from '@/lib/canned-responses/canned-responses';
import { ZCannedResponse } from '@/lib/canned-responses/canned-response-schema';

// Everyone uses them; supervisors manage them.
export const GET = withSession({}, async () => NextResponse.json({ cannedResponses: await listCannedResponses() }));

export const POST = withSession({ roles: SUPERVISOR_ROLES }, async ({ req, user }) =>
  NextResponse.json({ cannedResponse: await saveCannedResponse({ input: await readJson(req, ZCannedResponse), actorId: user.id }) }, { status: 201 }),
);
