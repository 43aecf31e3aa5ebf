import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { searchConversations } from '@/lib/search/search-conversations';
import { ZSearchQuery } from '@/lib/search/search-query';

// `?q=`: conversations matching the text, each with where it matched; only those the user may see.
export const GET = withSession({}, async ({ req, user }) => {
  const { q } = ZSearchQuery.parse({ q: req.nextUrl.searchParams.get('q') ?? '' });
  return NextResponse.json({ results: await searchConversations(user, q) }, { headers: { 'cache-control': 'no-store' } });
});
