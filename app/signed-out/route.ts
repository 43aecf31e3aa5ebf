import { type NextRequest, NextResponse } from 'next/server';
import { getSessionState } from '@/lib/auth/current-user';

// Pages send a revoked session (user disabled or deleted) here: a route handler may clear
// cookies, a page may not. An active session is left alone, so a stray link cannot sign
// anyone out.
export async function GET(req: NextRequest) {
  const state = await getSessionState();
  if (state.status === 'active') return NextResponse.redirect(new URL('/inbox', req.url));
  const response = NextResponse.redirect(new URL(`/login${state.status === 'revoked' ? '?reason=disabled' : ''}`, req.url));
  for (const cookie of req.cookies.getAll()) {
    if (/^(__Secure-)?next-auth\.session-token/.test(cookie.name)) response.cookies.delete(cookie.name);
  }
  return response;
}
