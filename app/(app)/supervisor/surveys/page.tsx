import { CsatSettingsForm } from '@/components/csat/csat-settings-form';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { readCsatSettings } from '@/lib/csat/csat-settings';

export const metadata = { title: 'Satisfaction surveys · Switchboard' };

export default async function SurveysPage() {
  await requireUser(SUPERVISOR_ROLES);
  const settings = await readCsatSettings();
  return (
    <section className="mx-auto flex max-w-3xl flex-col gap-4 overflow-y-auto p-6">
      <div>
        <h1 className="text-lg font-semibold">Satisfaction surveys</h1>
        <p className="mt-1 text-sm text-slate-600">
          When an agent or supervisor resolves a conversation, Switchboard can text the customer a question on their channel. A reply that starts with a score from 1 to 5 is recorded
          against the conversation and its agent (the rest of the text is the comment) and is not routed as a new conversation. Off until you turn it on.
        </p>
      </div>
      {settings.map((setting) => (
        <CsatSettingsForm key={setting.channel} initial={setting} />
      ))}
    </section>
  );
}
