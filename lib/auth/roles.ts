import type { Role as DbRole } from '@/lib/db/generated/enums';

export const ROLES = ['AGENT', 'SUPERVISOR', 'ADMIN'] as const satisfies readonly DbRole[];
export type Role = (typeof ROLES)[number];

/** Who may run the floor: the supervisor console and transfers of anyone's work. */
export const SUPERVISOR_ROLES = ['SUPERVISOR', 'ADMIN'] as const satisfies readonly Role[];
export const ADMIN_ROLES = ['ADMIN'] as const satisfies readonly Role[];

/** Supervisors and admins run the floor (console, monitoring, any transfer). */
export function isSupervisorRole(role: Role): boolean {
  return (SUPERVISOR_ROLES as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = { AGENT: 'Agent', SUPERVISOR: 'Supervisor', ADMIN: 'Admin' };

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/**
 * The one access rule every page and route applies: no active user → unauthenticated;
 * a role list that does not include the user's role → forbidden.
 */
export function decideAccess(user: { role: Role; active: boolean } | null, allowed?: readonly Role[]): AccessDecision {
  if (!user || !user.active) return 'unauthenticated';
  if (allowed && !allowed.includes(user.role)) return 'forbidden';
  return 'allow';
}
