import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { DEMO_PASSWORD, DEMO_TEAM } from './demo-team';

export type DemoLogin = { email: string; password: string; role: Role };

/**
 * Creates the demo team on an empty database and returns its logins; on any other database
 * does nothing and returns null. The embedded database uses the documented demo password;
 * a real database gets random passwords, shown once.
 */
export async function seedDemoTeam({ randomPasswords }: { randomPasswords: boolean }): Promise<DemoLogin[] | null> {
  const logins = DEMO_TEAM.map(({ email, role }) => ({
    email,
    role,
    password: randomPasswords ? randomBytes(12).toString('base64url') : DEMO_PASSWORD,
  }));
  const data = await Promise.all(
    DEMO_TEAM.map(async (member, i) => ({ ...member, passwordHash: await hashPassword(logins[i]!.password) })),
  );
  try {
    return await db.$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) return null;
      await tx.user.createMany({ data });
      return logins;
    });
  } catch (error) {
    // Another instance seeded the same empty database a moment earlier.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
