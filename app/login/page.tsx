import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, reason } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Switchboard</h1>
        <p className="mt-1 text-sm text-slate-600">Your team’s inbox for SMS, WhatsApp and chat.</p>
        <LoginForm callbackPath={next} signedOutReason={reason === 'disabled' || reason === 'ended' ? reason : undefined} />
      </div>
    </main>
  );
}
