'use client';

import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/labelled-fields';
import { TextField } from '@/components/ui/text-field';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import {
  CAPTURE_CHANNELS,
  type CaptureChannel,
  type ConfigurationView,
  GROUPING_LABELS,
  GROUPING_TYPES,
  type GroupingType,
  ZConfigurationForm,
} from '@/lib/orchestration/configuration-form';

const FIELDS = ['displayName', 'description', 'memoryStoreId', 'captures', 'inactiveMinutes', 'closedMinutes'] as const;
type Field = (typeof FIELDS)[number];

const CHANNEL_LABELS: Record<CaptureChannel, string> = { SMS: 'SMS', WHATSAPP: 'WhatsApp' };

type Props = {
  numbers: string[];
  /** The configuration being edited; none to create one. */
  editing: ConfigurationView | null;
  onAccepted: (operationId: string) => void;
  onCancel: () => void;
};

const minutes = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? null : Number(value));

/**
 * Create or edit a Conversation Orchestrator configuration: grouping, the numbers each channel
 * captures (the account's, or typed addresses / `*`), lifecycle timeouts and the bridge into the
 * inbox. One idempotency key per submission, so a double click is one change.
 */
export function OrchestrationForm({ numbers, editing, onAccepted, onCancel }: Props) {
  const { run, pending, error, fieldErrors, setFieldErrors } = useAction<Field>({ fields: FIELDS });
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [grouping, setGrouping] = useState<GroupingType>(editing?.groupingType ?? 'GROUP_BY_PARTICIPANT_ADDRESSES');
  const numbersOf = (channel: CaptureChannel) => numbers.filter((n) => (channel === 'WHATSAPP') === n.startsWith('whatsapp:'));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const captures = Object.fromEntries(
      CAPTURE_CHANNELS.map((channel) => {
        const picked = form.getAll(`capture-${channel}`).map(String);
        const typed = String(form.get(`pattern-${channel}`) ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean);
        return [channel, [...picked, ...typed]];
      }),
    );
    const parsed = ZConfigurationForm.safeParse({
      displayName: form.get('displayName'),
      description: form.get('description') ?? '',
      groupingType: grouping,
      memoryStoreId: form.get('memoryStoreId') ?? '',
      captures,
      inactiveMinutes: minutes(form.get('inactiveMinutes')),
      closedMinutes: minutes(form.get('closedMinutes')),
      bridgeToInbox: form.get('bridgeToInbox') === 'on',
      idempotencyKey,
      version: editing?.version,
    });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    const url = editing ? `/api/admin/orchestration/configurations/${editing.id}` : '/api/admin/orchestration/configurations';
    let operationId = '';
    const ok = await run(async () => {
      ({ operationId } = await apiFetch<{ operationId: string }>(url, { method: editing ? 'PUT' : 'POST', body: parsed.data }));
    });
    if (ok) {
      setIdempotencyKey(crypto.randomUUID());
      onAccepted(operationId);
    }
  }

  const picked = (channel: CaptureChannel, number: string) => editing?.captures[channel].includes(number) ?? false;
  const typedDefault = (channel: CaptureChannel) => (editing?.captures[channel] ?? []).filter((a) => !numbers.includes(a)).join(', ');

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="orchestration-form-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="orchestration-form-heading" className="text-sm font-semibold">{editing ? `Edit ${editing.displayName}` : 'New configuration'}</h2>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Name" name="displayName" defaultValue={editing?.displayName} error={fieldErrors.displayName} autoComplete="off" />
        <TextField label="Description" name="description" defaultValue={editing?.description} error={fieldErrors.description} autoComplete="off" />
        <SelectField label="Group conversations" name="groupingType" value={grouping} onChange={(e) => setGrouping(e.target.value as GroupingType)}>
          {GROUPING_TYPES.map((type) => (
            <option key={type} value={type}>{GROUPING_LABELS[type]}</option>
          ))}
        </SelectField>
        {grouping === 'GROUP_BY_PROFILE' ? (
          <TextField label="Memory store id" name="memoryStoreId" defaultValue={editing?.memoryStoreId} error={fieldErrors.memoryStoreId} placeholder="mem_store_…" />
        ) : null}
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-700">Capture messages to and from</legend>
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {CAPTURE_CHANNELS.map((channel) => (
            <div key={channel} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium">{CHANNEL_LABELS[channel]}</p>
              {numbersOf(channel).map((number) => (
                <label key={number} className="mt-1 flex items-center gap-2 text-sm">
                  <input type="checkbox" name={`capture-${channel}`} value={number} defaultChecked={picked(channel, number)} />
                  {number}
                </label>
              ))}
              <TextField
                className="mt-2"
                label={`Other ${CHANNEL_LABELS[channel]} addresses (comma-separated, * for any)`}
                name={`pattern-${channel}`}
                defaultValue={typedDefault(channel)}
                autoComplete="off"
              />
            </div>
          ))}
        </div>
        {fieldErrors.captures ? <p className="mt-1 text-xs text-red-700">{fieldErrors.captures}</p> : null}
      </fieldset>
      <div className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Inactive after (minutes)" name="inactiveMinutes" type="number" min={1} defaultValue={editing ? (editing.inactiveMinutes ?? '') : 30} error={fieldErrors.inactiveMinutes} />
        <TextField label="Closed after (minutes)" name="closedMinutes" type="number" min={1} defaultValue={editing ? (editing.closedMinutes ?? '') : 1440} error={fieldErrors.closedMinutes} />
      </div>
      <label className="mt-4 flex items-center gap-2 text-sm">
        <input type="checkbox" name="bridgeToInbox" defaultChecked={editing ? editing.bridgeServiceId !== null : true} />
        Bring captured conversations into the inbox (replies are routed to agents)
      </label>
      <div className="mt-4 flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : editing ? 'Save changes' : 'Create configuration'}</Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
      </div>
      {error ? <div className="mt-3"><Alert>{error}</Alert></div> : null}
    </form>
  );
}
