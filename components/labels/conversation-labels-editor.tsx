'use client';

import { useConversationMarks, useInboxMarks } from '@/components/inbox/conversation-marks-context';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { NO_MARKS } from '@/lib/conversations/conversation-marks';
import { LABEL_CHIP_CLASSES } from '@/lib/labels/label-schema';

/** The conversation's labels as checkboxes: each tick saves at once (the server checks who may). */
export function ConversationLabelsEditor({ sid }: { sid: string }) {
  const { value, refresh, update } = useInboxMarks();
  const { labelIds } = useConversationMarks(sid);
  const { run, pending, error } = useAction({ fallback: 'Could not change the labels.' });
  if (value.labels.length === 0) return null;

  const toggle = (labelId: string, isOn: boolean) =>
    run(async () => {
      const next = isOn ? [...labelIds, labelId] : labelIds.filter((id) => id !== labelId);
      update((current) => ({ ...current, marks: { ...current.marks, [sid]: { ...(current.marks[sid] ?? NO_MARKS), labelIds: next } } }));
      try {
        await apiFetch(`/api/conversations/${sid}/labels`, { method: 'PUT', body: { labelIds: next } });
      } finally {
        refresh();
      }
    });

  return (
    <fieldset className="flex flex-col gap-1" disabled={pending}>
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">Labels</legend>
      {value.labels.map((label) => (
        <label key={label.id} className="flex items-center gap-2">
          <input type="checkbox" checked={labelIds.includes(label.id)} onChange={(event) => void toggle(label.id, event.target.checked)} />
          <span className={`h-2.5 w-2.5 rounded-full ring-1 ring-inset ${LABEL_CHIP_CLASSES[label.color]}`} aria-hidden />
          <span className="truncate">{label.name}</span>
        </label>
      ))}
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </fieldset>
  );
}
