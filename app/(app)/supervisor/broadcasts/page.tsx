import { BroadcastsConsole } from '@/components/broadcasts/broadcasts-console';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { listBroadcasts } from '@/lib/broadcasts/broadcast-summary';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';

export default async function BroadcastsPage() {
  await requireUser(SUPERVISOR_ROLES);
  return (
    <section className="mx-auto max-w-5xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Broadcasts</h1>
      <p className="mt-1 text-sm text-slate-600">One text to many customers. Their replies come into the inbox like any message, with the broadcast first.</p>
      <BroadcastsConsole numbers={listTwilioNumbers()} initial={await listBroadcasts()} />
    </section>
  );
}
