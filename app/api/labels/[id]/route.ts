import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { ZLabel } from '@/lib/labels/label-schema';
import { deleteLabel, saveLabel } from '@/lib/labels/labels';

export const PUT = withSession<{ id: string }>({ roles: SUPERVISOR_ROLES }, async ({ req, params }) =>
  NextResponse.json({ label: await saveLabel({ id: params.id, input: await readJson(req, ZLabel) }) }),
);

export const DELETE = withSession<{ id: string }>({ roles: SUPERVISOR_ROLES }, async ({ params }) => {
  await deleteLabel(params.id);
  return new Response(null, { status: 204 });
});
