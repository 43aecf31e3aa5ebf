import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';

// "Sign out everywhere": every session of the caller ends, this one included.
export const DELETE = withSession({}, async ({ user }) => NextResponse.json({ ended: await signOutEverywhere(user.id) }));
