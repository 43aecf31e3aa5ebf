import type { Role } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
    /** The server-side session row the cookie names (lib/sessions). */
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}
