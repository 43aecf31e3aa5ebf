import { after, NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { listBroadcasts } from '@/lib/broadcasts/broadcast-summary';
import { MAX_RECIPIENTS_TEXT, ZBroadcastInput } from '@/lib/broadcasts/broadcast-schemas';
import { createBroadcast } from '@/lib/broadcasts/create-broadcast';
import { sendBroadcast } from '@/lib/broadcasts/send-broadcast';
import { log } from '@/lib/observability/log';

export const GET = withSession({ roles: SUPERVISOR_ROLES }, async () => NextResponse.json({ broadcasts: await listBroadcasts() }));

// A list of 10,000 numbers and names is larger than the API's usual JSON.
export const POST = withSession({ roles: SUPERVISOR_ROLES, maxBodyBytes: MAX_RECIPIENTS_TEXT + 16 * 1024 }, async ({ req, user }) => {
  const input = await readJson(req, ZBroadcastInput);
  const broadcast = await createBroadcast({ input, createdById: user.id });
  after(() => sendBroadcast(broadcast.id).catch((error: unknown) => log.error('broadcast.send_failed', { broadcastId: broadcast.id, error })));
  return NextResponse.json({ broadcast }, { status: 201 });
});
