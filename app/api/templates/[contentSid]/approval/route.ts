import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { parseContentSid } from '@/lib/templates/content-sid';
import { announceTemplatesChanged } from '@/lib/templates/announce-templates-changed';
import { submitTemplate, ZSubmitTemplate } from '@/lib/templates/submit-template';

/** Submits the template for WhatsApp's review. */
export const POST = withSession<{ contentSid: string }>({ roles: SUPERVISOR_ROLES }, async ({ req, params }) => {
  const { category } = await readJson(req, ZSubmitTemplate);
  await submitTemplate(parseContentSid(params.contentSid), category);
  await announceTemplatesChanged();
  return NextResponse.json({ submitted: true }, { status: 201 });
});
