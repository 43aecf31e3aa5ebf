import { CannedResponsesAdmin } from '@/components/supervisor/canned-responses-admin';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { listCannedResponses } from '@/lib/canned-responses/canned-responses';

export default async function CannedResponsesPage() {
  await requireUser(SUPERVISOR_ROLES);
  return (
    <section className="mx-auto max-w-4xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Canned responses</h1>
      <p className="mt-1 text-sm text-slate-600">Saved replies the whole team inserts by typing / and the shortcut in the composer.</p>
      <CannedResponsesAdmin initial={await listCannedResponses()} />
    </section>
  );
}
