'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';

/** Sign out of this browser, or of every browser this user is signed in to. */
export function SignOutButton() {
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error } = useAction({ fallback: 'Could not sign out everywhere. Try again.' });

  async function signOutEverywhere() {
    const ok = await run(() => apiFetch('/api/me/sessions', { method: 'DELETE' }));
    // This session ended too; signing out clears its cookie.
    if (ok) await signOut({ callbackUrl: '/login' });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => void signOut({ callbackUrl: '/login' })}>
        Sign out
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        pending={pending}
        onConfirm={() => void signOutEverywhere()}
        onCancel={() => setConfirming(false)}
      >
        <p>Every browser signed in as you is signed out, this one too.</p>
        {error ? <p role="alert" className="mt-2 text-red-700">{error}</p> : null}
      </ConfirmDialog>
    </>
  );
}
