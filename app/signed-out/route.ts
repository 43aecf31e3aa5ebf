import { type NextRequest, NextResponse } from 'next/server';
import { getSessionState } from '@/lib/auth/current-user';
import { SESSION_COOKIE_PATTERN } from '@/lib/sessions/session-cookie';

// Pages send an ended session here (signed out elsewhere, expired, revoked, user disabled): a
// route handler may clear cookies, a page may not. An active session is left alone, so a
// stray link cannot sign anyone out.
export async function GET(req: NextRequest) {
  const state = await getSessionState();
  if (state.status === 'active') return NextResponse.redirect(new URL('/inbox', req.url));
  const reason = state.status === 'revoked' ? `?reason=${state.reason}` : '';
  const response = NextResponse.redirect(new URL(`/login${reason}`, req.url));
  for (const cookie of req.cookies.getAll()) {
    if (SESSION_COOKIE_PATTERN.test(cookie.name)) response.cookies.delete(cookie.name);
  }
  return response;
}
