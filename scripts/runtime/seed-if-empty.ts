import { ROLE_LABELS } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type DemoLogin, seedDemoTeam } from '@/prisma/seed';

export async function seedIfEmpty(databaseUrl: string, options: { randomPasswords: boolean }): Promise<DemoLogin[] | null> {
  process.env.DATABASE_URL = databaseUrl; // read by the client on first use
  try {
    return await seedDemoTeam(options);
  } finally {
    await db.$disconnect();
  }
}

export function printDemoLogins(logins: DemoLogin[]): void {
  console.log('\n  Created the demo team (shown once):');
  for (const { email, password, role } of logins) {
    console.log(`    ${ROLE_LABELS[role].padEnd(10)} ${email.padEnd(22)} ${password}`);
  }
}
