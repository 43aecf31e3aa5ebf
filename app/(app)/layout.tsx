import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { getTheme } from '@/lib/appearance/get-theme';
import { requireUser } from '@/lib/auth/guard';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex h-screen flex-col">
      <AppHeader user={user} theme={await getTheme()} />
      <main className="min-h-0 flex-1">{children}</main>
    </div>
  );
}
