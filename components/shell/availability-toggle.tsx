'use client';

import { useEffect, useState } from 'react';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { HEARTBEAT_INTERVAL_MS } from '@/lib/routing/assignment-policy';

type Availability = 'AVAILABLE' | 'AWAY';

/**
 * Available / Away, and the heartbeat that tells routing this browser is still here: an
 * agent whose browser is gone gets no new conversations, whatever the toggle says.
 */
export function AvailabilityToggle({ initial }: { initial: Availability }) {
  const [availability, setAvailability] = useState<Availability>(initial);
  const { run, pending, error } = useAction({ fallback: 'Could not change your status.' });

  useEffect(() => {
    const beat = () => void apiFetch('/api/me/heartbeat', { method: 'POST' }).catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  const change = (next: Availability) =>
    run(async () => {
      const saved = await apiFetch<{ availability: Availability }>('/api/me/availability', { method: 'PUT', body: { availability: next } });
      setAvailability(saved.availability);
    });

  const isAvailable = availability === 'AVAILABLE';
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={isAvailable}
        aria-label="Available for new conversations"
        disabled={pending}
        onClick={() => void change(isAvailable ? 'AWAY' : 'AVAILABLE')}
        className={`flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium ${isAvailable ? 'border-emerald-300 bg-emerald-50 text-emerald-800' : 'border-slate-300 bg-white text-slate-600'}`}
      >
        <span aria-hidden className={`h-2 w-2 rounded-full ${isAvailable ? 'bg-emerald-500' : 'bg-slate-400'}`} />
        {isAvailable ? 'Available' : 'Away'}
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </div>
  );
}
