import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { clientIpFrom } from './client-ip';
import { ROLES } from './roles';
import { SIGN_IN_ERROR_CODES } from './sign-in-error-codes';
import { signInWithPassword } from './sign-in';

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(256),
});


export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword({ ...parsed.data, clientIp: clientIpFrom(req.headers ?? {}) });
        if (result.ok) return result.user;
        if (result.reason === 'invalid') return null;
        if (result.reason === 'throttled') throw new Error(`${SIGN_IN_ERROR_CODES.throttled}:${result.retryAfterSeconds}`);
        throw new Error(SIGN_IN_ERROR_CODES.disabled);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'role' in user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      const role = ROLES.find((candidate) => candidate === token.role);
      if (session.user && token.sub && role) session.user = { ...session.user, id: token.sub, role };
      return session;
    },
  },
};
