import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { assertCanSeeContact } from '@/lib/contacts/contact-access';
import { linkMemoryProfile } from '@/lib/contacts/link-memory-profile';

// Looks the contact's Memory profile up again now (the panel's refresh): whoever may see the contact.
export const POST = withSession<{ contactId: string }>({}, async ({ user, params }) => {
  await assertCanSeeContact(user, params.contactId);
  return NextResponse.json({ memoryProfile: await linkMemoryProfile({ contactId: params.contactId, force: true }) });
});
