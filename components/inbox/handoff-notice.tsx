'use client';

import { X } from 'lucide-react';
import { useState } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { Handoff } from '@/lib/transfers/latest-handoff';
import { useInbox } from './inbox-context';

/** "Transferred to you by Sam Rivera from Ada Park: <note>", shown to whoever received it. */
export function HandoffNotice({ sid }: { sid: string }) {
  const identity = useInbox((state) => state.identity);
  const { value: handoff = null } = useLiveResource(async () => (await apiFetch<{ handoff: Handoff | null }>(`/api/conversations/${sid}/handoff`)).handoff, {
    key: sid,
    refetchOn: (event) => event.kind === 'assignment.changed' && event.data.conversationSid === sid,
    safetyRefreshMs: 5 * 60_000,
  });
  const [dismissed, setDismissed] = useState(false);
  if (!handoff || dismissed || handoff.toUserId !== identity) return null;
  const by = handoff.actorName && handoff.actorName !== handoff.fromName ? ` by ${handoff.actorName}` : '';
  return (
    <div role="status" data-testid="handoff-notice" className="flex items-start gap-3 border-b border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950">
      <p className="flex-1">
        Transferred to you{by}{handoff.fromName ? ` from ${handoff.fromName}` : ''}.
        {handoff.note ? <span className="mt-0.5 block whitespace-pre-wrap text-indigo-800">“{handoff.note}”</span> : null}
      </p>
      <button type="button" aria-label="Dismiss" onClick={() => setDismissed(true)} className="rounded p-1 text-indigo-700 hover:bg-indigo-100"><X aria-hidden className="h-4 w-4" /></button>
    </div>
  );
}
