import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { announceTemplatesChanged } from '@/lib/templates/announce-templates-changed';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { parseContentSid } from '@/lib/templates/content-sid';

export const DELETE = withSession<{ contentSid: string }>({ roles: SUPERVISOR_ROLES }, async ({ params }) => {
  await deleteTemplate(parseContentSid(params.contentSid));
  await announceTemplatesChanged();
  return new NextResponse(null, { status: 204 });
});
