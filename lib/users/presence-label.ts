import type { Role } from '@/lib/auth/roles';

/**
 * How a team member's presence reads: agents are Available or Away for new conversations while
 * online; supervisors and admins take no routed work, so they are simply Online.
 */
export function presenceLabel(member: { role: Role; online: boolean; availability: 'AVAILABLE' | 'AWAY' }): 'Offline' | 'Online' | 'Available' | 'Away' {
  if (!member.online) return 'Offline';
  if (member.role !== 'AGENT') return 'Online';
  return member.availability === 'AVAILABLE' ? 'Available' : 'Away';
}
