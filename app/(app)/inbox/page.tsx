import { requireUser } from '@/lib/auth/guard';

export default async function InboxPage() {
  const user = await requireUser();
  return (
    <section className="flex h-full items-center justify-center p-8 text-center">
      <div>
        <h1 className="text-lg font-semibold">Inbox</h1>
        <p className="mt-1 text-sm text-slate-600">Welcome, {user.name}. Conversations assigned to you will appear here.</p>
      </div>
    </section>
  );
}
