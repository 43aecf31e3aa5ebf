import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { isSupervisorRole, SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { createTemplate, ZCreateTemplate } from '@/lib/templates/create-template';
import { announceTemplatesChanged } from '@/lib/templates/announce-templates-changed';
import { listTemplates } from '@/lib/templates/list-templates';

/** Agents see the templates they may send (approved for WhatsApp); supervisors and admins see all. */
export const GET = withSession({}, async ({ user }) => {
  const templates = await listTemplates();
  const visible = isSupervisorRole(user.role) ? templates : templates.filter((t) => t.whatsapp.status === 'approved');
  return NextResponse.json({ templates: visible }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) => {
  const template = await createTemplate(await readJson(req, ZCreateTemplate));
  await announceTemplatesChanged();
  return NextResponse.json({ template }, { status: 201 });
});
