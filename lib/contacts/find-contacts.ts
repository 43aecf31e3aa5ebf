import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { visibleContactsWhere } from './contact-access';
import type { ContactSummary } from './contact-schemas';

/** Contacts this user may see whose name or address holds the text (to pick one to merge). */
export async function findContacts(user: CurrentUser, query: string): Promise<ContactSummary[]> {
  const digits = query.replace(/[^\d]/g, '');
  const contacts = await db.contact.findMany({
    where: {
      AND: [
        visibleContactsWhere(user),
        {
          OR: [
            { name: { contains: query, mode: 'insensitive' } },
            { email: { contains: query, mode: 'insensitive' } },
            { addresses: { some: { address: { contains: digits.length >= 3 ? digits : query } } } },
          ],
        },
      ],
    },
    take: 10,
    orderBy: { updatedAt: 'desc' },
    select: { id: true, name: true, addresses: { select: { address: true } } },
  });
  return contacts.map((contact) => ({ id: contact.id, name: contact.name, addresses: contact.addresses.map((entry) => entry.address) }));
}
