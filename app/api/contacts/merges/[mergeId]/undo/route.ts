import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { undoMerge } from '@/lib/contacts/merge-contacts';

export const POST = withSession<{ mergeId: string }>({}, async ({ user, params }) => NextResponse.json(await undoMerge({ user, mergeId: params.mergeId })));
