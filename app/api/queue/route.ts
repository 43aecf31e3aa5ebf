import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { listQueue } from '@/lib/routing/list-queue';

export const GET = withSession({}, async () => NextResponse.json({ queue: await listQueue() }, { headers: { 'cache-control': 'no-store' } }));
