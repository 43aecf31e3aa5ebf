'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLiveEvent } from '@/components/live/use-live-event';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { renderTemplate } from '@/lib/templates/render-template';
import type { TemplateView, WhatsAppStatus } from '@/lib/templates/template-view';

const STATUS_STYLES: Record<WhatsAppStatus, string> = {
  unsubmitted: 'bg-slate-100 text-slate-700',
  received: 'bg-sky-100 text-sky-900',
  pending: 'bg-amber-100 text-amber-900',
  approved: 'bg-emerald-100 text-emerald-900',
  rejected: 'bg-red-100 text-red-900',
  paused: 'bg-amber-100 text-amber-900',
  disabled: 'bg-slate-200 text-slate-700',
};

const STATUS_LABELS: Record<WhatsAppStatus, string> = {
  unsubmitted: 'Not submitted',
  received: 'Submitted',
  pending: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  paused: 'Paused',
  disabled: 'Disabled',
};

const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

/**
 * The account's templates with their status per channel: SMS takes any template; WhatsApp only
 * approved ones (rejected with WhatsApp's reason). Submit for review, delete.
 */
export function TemplateList({ templates }: { templates: TemplateView[] }) {
  const { run, pending, error } = useAction({ fallback: 'Twilio refused the change.', refreshAfter: true });
  const [deleting, setDeleting] = useState<TemplateView | null>(null);
  const [categories, setCategories] = useState<Record<string, (typeof CATEGORIES)[number]>>({});
  const router = useRouter();
  // Another supervisor's change shows here too.
  useLiveEvent((event) => {
    if (event.kind === 'templates.changed') router.refresh();
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold">Templates</h2>
        <Button variant="secondary" disabled={pending} onClick={() => void run(async () => undefined)}>Check review status</Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <ul aria-label="Templates" className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {templates.length === 0 ? <li className="p-4 text-sm text-slate-500">No templates yet.</li> : null}
        {templates.map((template) => {
          const name = template.friendlyName || template.whatsapp.name || template.sid;
          const status = template.whatsapp.status;
          return (
            <li key={template.sid} data-testid="template-row" data-name={name} className="flex flex-wrap items-start gap-3 p-4">
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <span className="font-medium">{name}</span> <span className="text-xs uppercase text-slate-600">{template.language}</span>{' '}
                  <span className="text-xs text-slate-500">{Object.keys(template.types).join(', ')}</span>
                </p>
                <p className="mt-1 whitespace-pre-wrap text-sm text-slate-600">{renderTemplate(template, {}).body}</p>
                <dl className="mt-2 flex flex-wrap gap-3 text-xs">
                  <div className="flex items-center gap-1">
                    <dt className="text-slate-600">SMS</dt>
                    <dd className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900">Ready</dd>
                  </div>
                  <div className="flex items-center gap-1">
                    <dt className="text-slate-600">WhatsApp</dt>
                    <dd data-testid="whatsapp-status" data-status={status} className={`rounded px-1.5 py-0.5 ${STATUS_STYLES[status]}`}>
                      {STATUS_LABELS[status]}
                      {status === 'rejected' && template.whatsapp.rejectionReason ? `: ${template.whatsapp.rejectionReason}` : ''}
                    </dd>
                  </div>
                </dl>
              </div>
              {status === 'unsubmitted' ? (
                <div className="flex items-end gap-2">
                  <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
                    Category
                    <select
                      className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                      value={categories[template.sid] ?? 'UTILITY'}
                      onChange={(event) => setCategories((current) => ({ ...current, [template.sid]: event.target.value as (typeof CATEGORIES)[number] }))}
                    >
                      {CATEGORIES.map((c) => (
                        <option key={c} value={c}>{c.toLowerCase()}</option>
                      ))}
                    </select>
                  </label>
                  <Button
                    disabled={pending}
                    onClick={() => void run(() => apiFetch(`/api/templates/${template.sid}/approval`, { body: { category: categories[template.sid] ?? 'UTILITY' } }))}
                  >
                    Submit to WhatsApp
                  </Button>
                </div>
              ) : null}
              <Button variant="danger" disabled={pending} onClick={() => setDeleting(template)}>Delete</Button>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.friendlyName || 'this template'}?`}
        confirmLabel="Delete"
        pending={pending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const sid = deleting?.sid;
          if (sid) void run(() => apiFetch(`/api/templates/${sid}`, { method: 'DELETE' })).finally(() => setDeleting(null));
        }}
      >
        Agents can no longer send it, and Twilio deletes it for every channel. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
