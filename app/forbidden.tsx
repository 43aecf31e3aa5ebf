import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold text-indigo-600">403</p>
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="text-slate-600">Your role does not include it. Ask an admin if you think it should.</p>
      <Link href="/inbox" className="font-medium text-indigo-700 underline underline-offset-4">
        Back to the inbox
      </Link>
    </main>
  );
}
