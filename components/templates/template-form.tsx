'use client';

import { type FormEvent, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField } from '@/components/ui/labelled-fields';
import { TextField } from '@/components/ui/text-field';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { renderTemplate, templateVariableNames } from '@/lib/templates/render-template';
import { templateTypes, TEMPLATE_KINDS, ZCreateTemplate, type TCreateTemplate } from '@/lib/templates/template-form';
import { TemplateBubble } from './template-bubble';

const KIND_LABELS: Record<(typeof TEMPLATE_KINDS)[number], string> = { text: 'Text', media: 'Media (image or PDF header)', 'quick-reply': 'Quick replies (buttons)' };

/** Create a text, media or quick-reply template, with sample values for its variables and a live preview. */
export function TemplateForm() {
  const [kind, setKind] = useState<TCreateTemplate['kind']>('text');
  const [body, setBody] = useState('');
  const [mediaUrl, setMediaUrl] = useState('');
  const [buttons, setButtons] = useState(['', '', '']);
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { run, pending, error } = useAction({ fallback: 'Could not create the template.', refreshAfter: true });

  const draft = {
    kind,
    body,
    mediaUrl: kind === 'media' ? mediaUrl : undefined,
    buttons: kind === 'quick-reply' ? buttons.filter((b) => b.trim()) : undefined,
  };
  const types = templateTypes({ friendlyName: 'draft', language: 'en', variables: {}, ...draft });
  const names = useMemo(() => templateVariableNames({ types, variables: {} }), [types]);
  const preview = renderTemplate({ types, variables: samples }, {});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZCreateTemplate.safeParse({
      friendlyName: String(form.get('friendlyName') ?? ''),
      language: String(form.get('language') ?? ''),
      ...draft,
      variables: Object.fromEntries(names.map((name) => [name, samples[name] ?? ''])),
    });
    if (!parsed.success) {
      setFormError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    setFormError(null);
    const created = await run(() => apiFetch('/api/templates', { body: parsed.data }));
    if (created) {
      setBody('');
      setMediaUrl('');
      setButtons(['', '', '']);
      setSamples({});
      setFormKey((key) => key + 1);
    }
  }

  return (
    <form key={formKey} onSubmit={onSubmit} aria-label="New template" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[1fr_18rem]">
      <div className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label="Name" name="friendlyName" placeholder="order_update" autoComplete="off" />
          <TextField label="Language" name="language" defaultValue="en" autoComplete="off" />
          <SelectField label="Type" name="kind" value={kind} onChange={(event) => setKind(event.target.value as TCreateTemplate['kind'])}>
            {TEMPLATE_KINDS.map((option) => (
              <option key={option} value={option}>{KIND_LABELS[option]}</option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label="Message"
          name="body"
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          hint="Variables are written {{1}}, {{2}} or {{customer_name}}; a variable cannot start or end the message."
        />
        {kind === 'media' ? <TextField label="Media URL" name="mediaUrl" value={mediaUrl} onChange={(event) => setMediaUrl(event.target.value)} placeholder="https://…/header.png" /> : null}
        {kind === 'quick-reply' ? (
          <fieldset className="grid gap-2 sm:grid-cols-3">
            <legend className="mb-1 text-sm font-medium text-slate-700">Buttons</legend>
            {buttons.map((title, i) => (
              <TextField key={i} label={`Button ${i + 1}`} value={title} onChange={(event) => setButtons((current) => current.map((b, j) => (j === i ? event.target.value : b)))} />
            ))}
          </fieldset>
        ) : null}
        {names.length > 0 ? (
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">Sample values (WhatsApp reviews the template with them)</legend>
            {names.map((name) => (
              <TextField key={name} label={`Sample for {{${name}}}`} value={samples[name] ?? ''} onChange={(event) => setSamples((current) => ({ ...current, [name]: event.target.value }))} />
            ))}
          </fieldset>
        ) : null}
        {formError ?? error ? <Alert>{formError ?? error}</Alert> : null}
        <div>
          <Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create template'}</Button>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Preview</span>
        {body.trim() ? <TemplateBubble preview={preview} /> : <p className="text-sm text-slate-500">Write the message to see it as the customer will.</p>}
      </div>
    </form>
  );
}
