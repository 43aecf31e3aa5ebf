import { type NextRequest, NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { contentSecurityPolicy } from '@/lib/security/content-security-policy';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';

// Pages that need no sign-in: /phone is a simulated customer's phone (emulator mode only), not
// an agent page.
const PUBLIC_PAGES = /^\/(login|signed-out|phone)(\/|$)/;

/**
 * Every page: a Content-Security-Policy with a fresh nonce, which Next puts on its own scripts
 * (so every page renders per request); and signed-out visitors of agent pages go to /login,
 * with a way back. Pages and API routes still check the session and role themselves
 * (lib/auth/guard.ts, lib/api/with-session.ts): the redirect is the fast path, not the security
 * boundary. The other headers, and the API's own policy, are in next.config.js.
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (!PUBLIC_PAGES.test(pathname) && !(await getToken({ req }))) {
    const login = new URL('/login', req.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const policy = contentSecurityPolicy({
    nonce: Buffer.from(crypto.randomUUID()).toString('base64'),
    twilio: readTwilioEnv(),
    isDev: process.env.NODE_ENV === 'development',
    isHttps: req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
    extraSources: process.env.CSP_EXTRA_SOURCES,
  });
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // The app's manifest and icons are public: browsers fetch them without the session cookie.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|manifest.webmanifest|icons/).*)'],
};
