import { withAuth } from 'next-auth/middleware';

// Signed-out visitors of any page go to /login (with a way back). Pages and API routes
// still check the session and role themselves (lib/auth/guard.ts, lib/api/with-session.ts):
// this is the fast path, not the security boundary. /phone is a simulated customer's phone
// (emulator mode only), not an agent page: it needs no sign-in.
export default withAuth({ pages: { signIn: '/login' } });

export const config = {
  matcher: ['/((?!api/|_next/|login|signed-out|phone(?:/|$)|favicon.ico).*)'],
};
