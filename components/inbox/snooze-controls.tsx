'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { isSnoozed } from '@/lib/conversations/conversation-marks';
import { useConversationMarks, useInboxMarks } from './conversation-marks-context';

/** "tomorrow 9:00" in the browser's time zone, as a datetime-local value. */
function tomorrowMorning(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return localValue(date);
}

function localValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Snooze the conversation until a time and/or the customer's reply, or bring it back now. */
export function SnoozeControls({ sid }: { sid: string }) {
  const marks = useConversationMarks(sid);
  const { refresh } = useInboxMarks();
  const [until, setUntil] = useState(tomorrowMorning);
  const [alsoOnReply, setAlsoOnReply] = useState(true);
  const { run, pending, error } = useAction({ fallback: 'Could not snooze the conversation.' });
  const send = (body: { until: string | null; untilReply: boolean } | null) =>
    run(async () => {
      await apiFetch(`/api/conversations/${sid}/snooze`, body ? { method: 'PUT', body } : { method: 'DELETE' });
      refresh();
    });

  if (isSnoozed(marks)) {
    return (
      <section aria-labelledby="snooze-heading" className="flex flex-col gap-1.5">
        <h3 id="snooze-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">Snoozed</h3>
        <p data-testid="snooze-state">
          {marks.snoozedUntil ? `Until ${new Date(marks.snoozedUntil).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
          {marks.snoozedUntil && marks.snoozeUntilReply ? ', or ' : ''}
          {marks.snoozeUntilReply ? (marks.snoozedUntil ? 'until the customer replies' : 'Until the customer replies') : ''}
        </p>
        <Button variant="secondary" disabled={pending} onClick={() => void send(null)}>Unsnooze</Button>
        {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
      </section>
    );
  }
  return (
    <section aria-labelledby="snooze-heading" className="flex flex-col gap-1.5">
      <h3 id="snooze-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">Snooze</h3>
      <Button variant="secondary" disabled={pending} onClick={() => void send({ until: null, untilReply: true })}>
        Snooze until they reply
      </Button>
      <form
        className="flex flex-col gap-1.5"
        onSubmit={(event) => {
          event.preventDefault();
          void send({ until: new Date(until).toISOString(), untilReply: alsoOnReply });
        }}
      >
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Snooze until</span>
          <input type="datetime-local" required value={until} min={localValue(new Date())} onChange={(event) => setUntil(event.target.value)} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={alsoOnReply} onChange={(event) => setAlsoOnReply(event.target.checked)} />
          or until the customer replies
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>Snooze</Button>
      </form>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </section>
  );
}
