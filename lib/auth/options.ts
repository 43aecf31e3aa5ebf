import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { log } from '@/lib/observability/log';
import { endSessions } from '@/lib/sessions/end-sessions';
import { SESSION_LIFETIME } from '@/lib/sessions/session-lifetime';
import { startSession } from '@/lib/sessions/start-session';
import { clientIpFrom } from './client-ip';
import { ROLES } from './roles';
import { SIGN_IN_ERROR_CODES } from './sign-in-error-codes';
import { type SignInResult, signInWithPassword } from './sign-in';

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(256),
});

async function attemptSignIn(credentials: unknown, clientIp: string): Promise<SignInResult> {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  try {
    return await signInWithPassword({ ...parsed.data, clientIp });
  } catch (error) {
    // next-auth puts a thrown message in the URL: an outage must not put its details there.
    log.error('sign_in_failed', { error });
    throw new Error(SIGN_IN_ERROR_CODES.unavailable);
  }
}

export const authOptions: NextAuthOptions = {
  // The cookie lives as long as a session may; lib/sessions decides, per request, whether its
  // session is still live (idle expiry, sign-out, revocation).
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME.maxMs / 1000 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const result = await attemptSignIn(credentials, clientIpFrom(req.headers ?? {}));
        if (result.ok) return result.user;
        if (result.reason === 'invalid') return null;
        throw new Error(result.reason === 'throttled' ? SIGN_IN_ERROR_CODES.throttled : SIGN_IN_ERROR_CODES.disabled);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is there only at sign-in: that is when the server-side session starts.
      if (user && 'role' in user) {
        token.sub = user.id;
        token.role = user.role;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      const role = ROLES.find((candidate) => candidate === token.role);
      if (session.user && token.sub && role) session.user = { ...session.user, id: token.sub, role };
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends this browser's session, so a copy of its cookie is worthless.
    async signOut({ token }) {
      if (token?.sid) await endSessions({ sessionId: token.sid });
    },
  },
};
