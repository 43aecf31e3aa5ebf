import { OrchestrationAdmin } from '@/components/admin/orchestration-admin';
import { requireUser } from '@/lib/auth/guard';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { listConfigurations } from '@/lib/orchestration/list-configurations';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';

export default async function OrchestrationPage() {
  await requireUser(ADMIN_ROLES);
  const configurations = await listConfigurations();
  return (
    <section className="mx-auto max-w-5xl p-6">
      <h1 className="text-lg font-semibold">Orchestration</h1>
      <p className="mt-1 text-sm text-slate-600">
        Which messages Twilio’s Conversation Orchestrator captures into conversations, how it groups them by customer, when they go
        inactive and close, and whether replies come into the inbox.
      </p>
      <OrchestrationAdmin configurations={configurations} numbers={listTwilioNumbers()} />
    </section>
  );
}
