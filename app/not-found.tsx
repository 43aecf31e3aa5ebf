import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link href="/inbox" className="font-medium text-indigo-700 underline underline-offset-4">
        Back to the inbox
      </Link>
    </main>
  );
}
