import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isSupervisorRole } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

/**
 * Who may see (and keep) a contact: supervisors, everyone's; an agent, the people whose
 * conversations they work or worked (owned now or assigned before) or that wait in the queue —
 * the conversations they may see. What the panel hides, the API refuses: 404, as if absent.
 */
export function visibleContactsWhere(user: CurrentUser): Prisma.ContactWhereInput {
  if (isSupervisorRole(user.role)) return { mergedIntoId: null };
  return {
    mergedIntoId: null,
    conversations: {
      some: {
        OR: [{ assigneeId: user.id }, { assignments: { some: { toUserId: user.id } } }, { assigneeId: null, queuedAt: { not: null } }],
      },
    },
  };
}

export async function assertCanSeeContact(user: CurrentUser, contactId: string): Promise<void> {
  const visible = await db.contact.findFirst({ where: { id: contactId, ...visibleContactsWhere(user) }, select: { id: true } });
  if (!visible) throw new AppError('not_found', 'No such contact.');
}
