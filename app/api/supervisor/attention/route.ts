import { z } from 'zod';
import { readJson, withSession } from '@/lib/api/with-session';
import { acknowledgeAttention } from '@/lib/attention/acknowledge-attention';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';

// Up to the moment the supervisor's list was read: what arrived since is still news.
const ZAcknowledge = z.object({ until: z.iso.datetime() }).strict();

export const POST = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) => {
  const { until } = await readJson(req, ZAcknowledge);
  await acknowledgeAttention(new Date(until));
  return new Response(null, { status: 204 });
});
