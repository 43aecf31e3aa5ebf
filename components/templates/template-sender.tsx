'use client';

import { Command } from 'cmdk';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { apiFetch } from '@/lib/api/client-fetch';
import { prefillVariable } from '@/lib/templates/prefill-variable';
import { renderTemplate, templateVariableNames } from '@/lib/templates/render-template';
import type { TemplateView } from '@/lib/templates/template-view';
import { TemplateBubble } from './template-bubble';
import { useApprovedTemplates } from './use-approved-templates';

type Props = {
  conversationSid: string;
  /** For variables whose names say they are the customer's or the agent's name. */
  customerName: string | null;
  agentName: string | null;
  onSent?: () => void;
  onCancel?: () => void;
};

const ITEM = 'flex cursor-pointer items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900';

/**
 * Pick an approved WhatsApp template (searchable, with its language), fill in its variables and send
 * it, with a live preview of what the customer will see. Sent through the server, which applies the
 * conversation's ownership rule.
 */
export function TemplateSender({ conversationSid, customerName, agentName, onSent, onCancel }: Props) {
  const { templates, error: loadError } = useApprovedTemplates(true);
  const [chosen, setChosen] = useState<TemplateView | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => (chosen ? templateVariableNames(chosen) : []), [chosen]);
  const preview = useMemo(() => (chosen ? renderTemplate(chosen, values) : null), [chosen, values]);
  const missing = names.filter((name) => !values[name]?.trim() && !chosen?.variables[name]);

  function choose(template: TemplateView) {
    setChosen(template);
    setError(null);
    setValues(Object.fromEntries(templateVariableNames(template).map((name) => [name, prefillVariable(name, { customerName, agentName })])));
  }

  async function send() {
    if (!chosen || missing.length > 0) return;
    setSending(true);
    setError(null);
    try {
      const contentVariables = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
      await apiFetch(`/api/conversations/${conversationSid}/template-messages`, { body: { contentSid: chosen.sid, contentVariables } });
      setChosen(null);
      onSent?.();
    } catch (caught) {
      setError(caught instanceof Error ? `Not sent: ${caught.message}` : 'Not sent.');
    } finally {
      setSending(false);
    }
  }

  if (!chosen) {
    return (
      <div className="flex flex-col gap-2" data-testid="template-picker">
        {loadError ? <Alert>{loadError}</Alert> : null}
        <Command label="Search approved templates" className="rounded-md border border-slate-200 bg-white">
          <Command.Input placeholder="Search approved templates" className="w-full border-b border-slate-200 bg-transparent px-3 py-2 text-sm outline-none" />
          <Command.List label="Approved templates" className="max-h-56 overflow-y-auto p-1">
            {templates === null ? <Command.Loading>Loading templates…</Command.Loading> : null}
            <Command.Empty className="px-2 py-4 text-center text-sm text-slate-600">No approved template matches.</Command.Empty>
            {(templates ?? []).map((template) => (
              <Command.Item key={template.sid} value={`${template.friendlyName} ${template.language} ${template.sid}`} onSelect={() => choose(template)} className={ITEM}>
                <span className="flex min-w-0 flex-col">
                  <span className="truncate font-medium">{template.friendlyName || template.whatsapp.name}</span>
                  <span className="truncate text-xs text-slate-600">{renderTemplate(template, {}).body}</span>
                </span>
                <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs uppercase text-slate-700" title="Language">{template.language}</span>
              </Command.Item>
            ))}
          </Command.List>
        </Command>
        {onCancel ? (
          <div className="flex justify-end">
            <Button variant="ghost" onClick={onCancel}>Cancel</Button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <form
      aria-label="Send template"
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="flex items-center justify-between gap-2 text-sm">
        <span>
          <span className="font-medium">{chosen.friendlyName || chosen.whatsapp.name}</span> <span className="text-xs uppercase text-slate-600">{chosen.language}</span>
        </span>
        <Button variant="ghost" onClick={() => setChosen(null)}>Choose another</Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          {names.length === 0 ? <p className="text-sm text-slate-600">This template has no variables.</p> : null}
          {names.map((name) => (
            <TextField
              key={name}
              label={`Variable {{${name}}}`}
              name={`variable-${name}`}
              value={values[name] ?? ''}
              placeholder={chosen.variables[name] ? `Default: ${chosen.variables[name]}` : undefined}
              onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
            />
          ))}
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">What the customer will see</span>
          {preview ? <TemplateBubble preview={preview} /> : null}
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex items-center justify-end gap-2">
        {missing.length > 0 ? <span className="text-xs text-slate-600">Fill in every variable to send.</span> : null}
        {onCancel ? <Button variant="secondary" onClick={onCancel}>Cancel</Button> : null}
        <Button type="submit" disabled={sending || missing.length > 0}>{sending ? 'Sending…' : 'Send template'}</Button>
      </div>
    </form>
  );
}
