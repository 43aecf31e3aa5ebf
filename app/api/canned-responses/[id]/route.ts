import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { deleteCannedResponse, saveCannedResponse } from '@/lib/canned-responses/canned-responses';
import { ZCannedResponse } from '@/lib/canned-responses/canned-response-schema';

export const PUT = withSession<{ id: string }>({ roles: SUPERVISOR_ROLES }, async ({ req, user, params }) =>
  NextResponse.json({ cannedResponse: await saveCannedResponse({ id: params.id, input: await readJson(req, ZCannedResponse), actorId: user.id }) }),
);

export const DELETE = withSession<{ id: string }>({ roles: SUPERVISOR_ROLES }, async ({ params }) => {
  await deleteCannedResponse(params.id);
  return new Response(null, { status: 204 });
});
