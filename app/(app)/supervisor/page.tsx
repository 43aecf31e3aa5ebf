import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';

export default async function SupervisorPage() {
  await requireUser(SUPERVISOR_ROLES);
  return (
    <section className="p-8">
      <h1 className="text-lg font-semibold">Supervisor console</h1>
      <p className="mt-1 text-sm text-slate-600">The team, the queue and every open conversation will appear here.</p>
    </section>
  );
}
