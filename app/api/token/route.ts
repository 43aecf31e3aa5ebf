import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { createConversationsToken, tokenTtlSeconds } from '@/lib/twilio/access-token';
import { sdkClientOptions } from '@/lib/twilio/sdk-options';
import { syncTwilioUser } from '@/lib/twilio/sync-twilio-user';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';

// The identity is always the signed-in user's own id: nothing in the request can choose it.
export const GET = withSession({}, async ({ user }) => {
  await syncTwilioUser({ identity: user.id, friendlyName: user.name, active: true });
  const token = await createConversationsToken({ identity: user.id, ttlSeconds: tokenTtlSeconds() });
  return NextResponse.json(
    { ...token, sdkOptions: sdkClientOptions(readTwilioEnv()) },
    { headers: { 'cache-control': 'no-store' } },
  );
});
