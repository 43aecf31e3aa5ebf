import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { ZLabel } from '@/lib/labels/label-schema';
import { listLabels, saveLabel } from '@/lib/labels/labels';

// Everyone applies them; supervisors manage them.
export const GET = withSession({}, async () => NextResponse.json({ labels: await listLabels() }, { headers: { 'cache-control': 'no-store' } }));

export const POST = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) => NextResponse.json({ label: await saveLabel({ input: await readJson(req, ZLabel) }) }, { status: 201 }));
