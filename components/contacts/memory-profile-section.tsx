'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import type { MemoryProfileView } from '@/lib/contacts/contact-schemas';

type Props = { contactId: string; profile: MemoryProfileView | null; onRefreshed: () => void };

/**
 * The customer's Conversations v2 Memory profile, when one has their number or email: its id and
 * traits. Quiet otherwise — nothing where Memory is not in use, a line when none was found or
 * Twilio could not be asked — and refreshed on demand (the link is kept, not looked up each time).
 */
export function MemoryProfileSection({ contactId, profile, onRefreshed }: Props) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!profile) return null;
  const refresh = async () => {
    setPending(true);
    setFailed(false);
    try {
      await apiFetch(`/api/contacts/${contactId}/memory-profile`, { method: 'POST' });
      onRefreshed();
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };
  const refreshButton = (
    <Button variant="ghost" className="px-1.5 py-0.5 text-xs" disabled={pending} onClick={() => void refresh()}>
      {profile.status === 'linked' ? 'Refresh' : 'Check again'}
    </Button>
  );
  return (
    <section aria-labelledby="contact-memory-heading" className="flex flex-col gap-1 text-xs" data-testid="memory-profile">
      <div className="flex items-center justify-between gap-2">
        <h3 id="contact-memory-heading" className="font-semibold uppercase tracking-wide text-slate-500">Memory profile</h3>
        {refreshButton}
      </div>
      {profile.status === 'linked' ? (
        <>
          <p className="truncate font-mono text-[11px] text-slate-600" title={`Store ${profile.storeId}`}>{profile.profileId}</p>
          {profile.traits.length === 0 ? <p className="text-slate-500">No traits.</p> : null}
          <dl aria-label="Traits" className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
            {profile.traits.map((trait) => (
              <div key={trait.name} className="contents">
                <dt className="text-slate-500">{trait.name}</dt>
                <dd className="truncate" title={trait.value}>{trait.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="text-slate-500">{profile.status === 'none' ? 'No Memory profile has this customer’s number or email.' : 'Memory could not be reached; the profile is not shown.'}</p>
      )}
      {failed ? <p className="text-slate-500">Not refreshed; try again later.</p> : null}
    </section>
  );
}
