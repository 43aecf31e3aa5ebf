import type { Role } from '@/lib/auth/roles';

// Who the demo team is, apart from the code that writes it to the database, so tests and benchmarks
// can sign in as them without loading a database client.
export const DEMO_PASSWORD = 'switchboard-demo';

export const DEMO_TEAM: { email: string; name: string; role: Role }[] = [
  { email: 'ada@example.com', name: 'Ada Park', role: 'AGENT' },
  { email: 'ben@example.com', name: 'Ben Ortiz', role: 'AGENT' },
  { email: 'sam@example.com', name: 'Sam Rivera', role: 'SUPERVISOR' },
  { email: 'avery@example.com', name: 'Avery Chen', role: 'ADMIN' },
];
