import { connection } from 'next/server';
import { TemplateForm } from '@/components/templates/template-form';
import { TemplateList } from '@/components/templates/template-list';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { listTemplates } from '@/lib/templates/list-templates';

export default async function TemplatesPage() {
  await requireUser(SUPERVISOR_ROLES);
  // Statuses come from Twilio at request time (WhatsApp's review moves on its own).
  await connection();
  const templates = await listTemplates();
  return (
    <section className="mx-auto flex max-w-5xl flex-col gap-6 overflow-y-auto p-6">
      <header>
        <h1 className="text-lg font-semibold">Message templates</h1>
        <p className="mt-1 text-sm text-slate-600">
          Content templates agents send to WhatsApp customers outside the 24-hour window. Only templates WhatsApp approved can be sent.
        </p>
      </header>
      <TemplateForm />
      <TemplateList templates={templates} />
    </section>
  );
}
