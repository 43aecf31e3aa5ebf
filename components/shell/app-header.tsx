import Link from 'next/link';
import type { TTheme } from '@/lib/appearance/theme-preference';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isSupervisorRole, ROLE_LABELS } from '@/lib/auth/roles';
import { LiveStatus } from '@/components/live/live-status';
import { AvailabilityToggle } from './availability-toggle';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export function AppHeader({ user, theme }: { user: CurrentUser; theme: TTheme }) {
  const links = [
    { href: '/inbox', label: 'Inbox', show: true },
    { href: '/supervisor', label: 'Supervisor', show: isSupervisorRole(user.role) },
    { href: '/reports', label: 'Reports', show: isSupervisorRole(user.role) },
    { href: '/supervisor/canned-responses', label: 'Canned responses', show: isSupervisorRole(user.role) },
    { href: '/supervisor/templates', label: 'Templates', show: isSupervisorRole(user.role) },
    { href: '/supervisor/labels', label: 'Labels', show: isSupervisorRole(user.role) },
    { href: '/supervisor/surveys', label: 'Surveys', show: isSupervisorRole(user.role) },
    { href: '/supervisor/broadcasts', label: 'Broadcasts', show: isSupervisorRole(user.role) },
    { href: '/admin/users', label: 'Team', show: user.role === 'ADMIN' },
    { href: '/admin/orchestration', label: 'Orchestration', show: user.role === 'ADMIN' },
  ].filter((link) => link.show);
  return (
    // Phones: the links get their own row, scrolling sideways within it rather than the page.
    <header className="flex min-h-14 flex-wrap items-center gap-x-6 gap-y-1 border-b border-slate-200 bg-white px-4 py-2 md:flex-nowrap md:py-0">
      <Link href="/inbox" className="font-semibold tracking-tight text-slate-900">
        Switchboard
      </Link>
      <nav aria-label="Main" className="order-last -mx-2 flex w-full gap-1 overflow-x-auto md:order-none md:mx-0 md:w-auto">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="shrink-0 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <LiveStatus />
        <ThemeToggle initial={theme} />
        {user.role === 'AGENT' ? <AvailabilityToggle initial={user.availability} /> : null}
        <div className="hidden text-right leading-tight sm:block">
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
