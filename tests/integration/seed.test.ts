import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { DEMO_PASSWORD, DEMO_TEAM } from '@/prisma/demo-team';
import { seedDemoTeam } from '@/prisma/seed';
import { startTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => database.close());

describe('the demo team seed', () => {
  it('creates two agents, a supervisor and an admin on an empty database and returns their logins', async () => {
    const logins = await seedDemoTeam({ randomPasswords: false });
    expect(logins?.map((login) => login.role).sort()).toEqual(['ADMIN', 'AGENT', 'AGENT', 'SUPERVISOR']);
    const users = await db.user.findMany({ orderBy: { email: 'asc' }, omit: { passwordHash: false } });
    expect(users.map((user) => user.email)).toEqual(DEMO_TEAM.map((member) => member.email).sort());
    for (const user of users) expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('does nothing on a database that already has users, however often it runs', async () => {
    const before = await db.user.findMany({ orderBy: { email: 'asc' }, omit: { passwordHash: false } });
    expect(await seedDemoTeam({ randomPasswords: true })).toBeNull();
    expect(await Promise.all([seedDemoTeam({ randomPasswords: true }), seedDemoTeam({ randomPasswords: false })])).toEqual([null, null]);
    expect(await db.user.findMany({ orderBy: { email: 'asc' }, omit: { passwordHash: false } })).toEqual(before);
  });
});
