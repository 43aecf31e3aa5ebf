import { DEMO_PASSWORD } from '../../prisma/demo-team';
import { appSession } from './app-session';

export const BENCH_PASSWORD = 'bench-password';

export type BenchAgent = { id: string; email: string };

/** Agents created through the app's admin API (as an admin would), with room for every conversation a benchmark gives them. */
export async function createBenchAgents<const Names extends readonly string[]>(appUrl: string, names: Names): Promise<{ [K in keyof Names]: BenchAgent }> {
  const admin = await appSession(appUrl, 'avery@example.com', DEMO_PASSWORD);
  try {
    const agents: BenchAgent[] = [];
    for (const name of names) {
      const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
      const response = await admin.post('/api/admin/users', { data: { email, name, password: BENCH_PASSWORD, role: 'AGENT', capacity: 100 } });
      agents.push({ id: ((await response.json()) as { user: { id: string } }).user.id, email });
    }
    return agents as { [K in keyof Names]: BenchAgent };
  } finally {
    await admin.dispose();
  }
}
