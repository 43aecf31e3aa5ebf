import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ZContactUpdate } from '@/lib/contacts/contact-schemas';
import { readContact } from '@/lib/contacts/read-contact';
import { updateContact } from '@/lib/contacts/update-contact';

// Whoever may see a contact (lib/contacts/contact-access) reads and keeps it.
export const GET = withSession<{ contactId: string }>({}, async ({ user, params }) =>
  NextResponse.json({ contact: await readContact(user, params.contactId) }, { headers: { 'cache-control': 'no-store' } }),
);

export const PATCH = withSession<{ contactId: string }>({}, async ({ req, user, params }) => {
  const input = await readJson(req, ZContactUpdate);
  await updateContact({ user, contactId: params.contactId, input });
  return NextResponse.json({ contact: await readContact(user, params.contactId) });
});
