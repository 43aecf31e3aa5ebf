import { readJson, withSession } from '@/lib/api/with-session';
import { ZPresenceReport } from '@/lib/collision/presence-rules';
import { reportPresence } from '@/lib/collision/report-presence';

// Collision detection: which conversation a tab shows, and typing there (see the live stream).
export const POST = withSession({}, async ({ req, user }) => {
  await reportPresence({ user, report: await readJson(req, ZPresenceReport) });
  return new Response(null, { status: 204 });
});
