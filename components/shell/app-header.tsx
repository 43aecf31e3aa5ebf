import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isSupervisorRole, ROLE_LABELS } from '@/lib/auth/roles';
import { LiveStatus } from '@/components/live/live-status';
import { AvailabilityToggle } from './availability-toggle';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ user }: { user: CurrentUser }) {
  const links = [
    { href: '/inbox', label: 'Inbox', show: true },
    { href: '/supervisor', label: 'Supervisor', show: isSupervisorRole(user.role) },
    { href: '/reports', label: 'Reports', show: isSupervisorRole(user.role) },
    { href: '/supervisor/canned-responses', label: 'Canned responses', show: isSupervisorRole(user.role) },
    { href: '/supervisor/surveys', label: 'Surveys', show: isSupervisorRole(user.role) },
    { href: '/admin/users', label: 'Team', show: user.role === 'ADMIN' },
  ].filter((link) => link.show);
  return (
    <header className="flex h-14 items-center gap-6 border-b border-slate-200 bg-white px-4">
      <Link href="/inbox" className="font-semibold tracking-tight text-slate-900">
        Switchboard
      </Link>
      <nav aria-label="Main" className="flex gap-1">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <LiveStatus />
        {user.role === 'AGENT' ? <AvailabilityToggle initial={user.availability} /> : null}
        <div className="text-right leading-tight">
          <p className="text-sm font-medium" data-testid="current-user-name">
            {user.name}
          </p>
          <p className="text-xs text-slate-500">{ROLE_LABELS[user.role]}</p>
        </div>
        <SignOutButton />
      </div>
    </header>
  );
}
