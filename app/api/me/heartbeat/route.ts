import { after } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { recordHeartbeat } from '@/lib/presence/record-heartbeat';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';

export const POST = withSession({}, async ({ user }) => {
  const { cameOnline } = await recordHeartbeat(user.id, new Date(), { isAvailable: user.availability === 'AVAILABLE' });
  if (cameOnline && user.availability === 'AVAILABLE') after(offerQueuedWork);
  return new Response(null, { status: 204 });
});
