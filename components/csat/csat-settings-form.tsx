'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import type { TCsatChannelSettings } from '@/lib/csat/csat-settings-schema';

const CHANNEL_NAMES = { SMS: 'SMS', WHATSAPP: 'WhatsApp' } as const;

/** One channel's satisfaction survey: on or off, and the question texted on resolve. */
export function CsatSettingsForm({ initial }: { initial: TCsatChannelSettings }) {
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const name = CHANNEL_NAMES[initial.channel];
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await apiFetch('/api/supervisor/csat-settings', {
        method: 'PUT',
        body: { channel: initial.channel, csatEnabled: form.get('csatEnabled') === 'on', csatQuestion: String(form.get('csatQuestion') ?? '') },
      });
      setMessage({ tone: 'ok', text: 'Saved.' });
    } catch (caught) {
      setMessage({ tone: 'error', text: caught instanceof ApiError ? caught.message : 'Could not save.' });
    }
  }
  return (
    <form onSubmit={onSubmit} aria-label={`${name} survey`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">{name}</h2>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="csatEnabled" defaultChecked={initial.csatEnabled} />
        Text the customer a survey when a {name} conversation is resolved
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Question</span>
        <textarea name="csatQuestion" required maxLength={320} rows={2} defaultValue={initial.csatQuestion} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary">
          Save {name} survey
        </Button>
        {message ? (
          <span role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
