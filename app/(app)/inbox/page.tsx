import { requireUser } from '@/lib/auth/guard';

export default async function InboxPage() {
  const user = await requireUser();
  return (
    <div className="flex h-full items-center justify-center p-8 text-center">
      <div>
        <p className="text-sm font-medium text-slate-700">Welcome, {user.name}.</p>
        <p className="mt-1 text-sm text-slate-500">Choose a conversation, or start a new one.</p>
      </div>
    </div>
  );
}
