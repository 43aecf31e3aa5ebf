import { after, NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { setAvailability, ZAvailability } from '@/lib/presence/set-availability';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';

export const PUT = withSession({}, async ({ req, user }) => {
  const { availability } = await readJson(req, ZAvailability);
  const updated = await setAvailability(user.id, availability);
  if (availability === 'AVAILABLE') after(offerQueuedWork);
  return NextResponse.json(updated);
});
