import { LabelsAdmin } from '@/components/labels/labels-admin';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { listLabels } from '@/lib/labels/labels';

export default async function LabelsPage() {
  await requireUser(SUPERVISOR_ROLES);
  return (
    <section className="mx-auto max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Labels</h1>
      <p className="mt-1 text-sm text-slate-600">The team’s labels: agents put them on their conversations, filter the inbox and reports by them.</p>
      <LabelsAdmin initial={await listLabels()} />
    </section>
  );
}
