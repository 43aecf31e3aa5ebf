'use client';

import { useLiveEvent } from '@/components/live/use-live-event';
import { useInboxController } from '@/components/inbox/inbox-context';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ContactView } from '@/lib/contacts/contact-schemas';

/**
 * A contact renamed or merged anywhere (another tab, a colleague): the list, the thread and the
 * console name them at once. The event names the contact; its name comes through the API, which
 * answers only for contacts this user may see (others are not in their inbox anyway).
 */
export function useLiveContactNames(): void {
  const controller = useInboxController();
  useLiveEvent((event) => {
    if (event.kind !== 'contact.updated') return;
    for (const contactId of event.data.contactIds) {
      void apiFetch<{ contact: ContactView }>(`/api/contacts/${encodeURIComponent(contactId)}`).then(
        ({ contact }) => controller.applyContactNames(Object.fromEntries(contact.addresses.map((entry) => [entry.address, contact.name]))),
        () => undefined,
      );
    }
  });
}
