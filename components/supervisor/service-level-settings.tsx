'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import type { ServiceLevelTargets } from '@/lib/supervision/service-levels';

export function ServiceLevelSettings({ targets, onSaved }: { targets: ServiceLevelTargets; onSaved: () => void }) {
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await apiFetch('/api/supervisor/settings', {
        method: 'PUT',
        body: { firstResponseSeconds: Number(form.get('firstResponse')) * 60, replyWaitSeconds: Number(form.get('replyWait')) * 60 },
      });
      setMessage({ tone: 'ok', text: 'Saved.' });
      onSaved();
    } catch (caught) {
      setMessage({ tone: 'error', text: caught instanceof ApiError ? caught.message : 'Could not save.' });
    }
  }
  return (
    <form onSubmit={onSubmit} aria-label="Service levels" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">First response within (min)</span>
        <input name="firstResponse" type="number" min={1} max={1440} defaultValue={Math.round(targets.firstResponseSeconds / 60)} className="w-24 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600">Reply within (min)</span>
        <input name="replyWait" type="number" min={1} max={1440} defaultValue={Math.round(targets.replyWaitSeconds / 60)} className="w-24 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <Button type="submit" variant="secondary">Save targets</Button>
      {message ? <span role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}>{message.text}</span> : null}
    </form>
  );
}
