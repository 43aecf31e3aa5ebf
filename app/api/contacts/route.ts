import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { ZContactLookup } from '@/lib/contacts/contact-schemas';
import { findContacts } from '@/lib/contacts/find-contacts';

// `?q=`: the contacts this user may see by name, email or number (to choose one to merge).
export const GET = withSession({}, async ({ req, user }) => {
  const { q } = ZContactLookup.parse({ q: req.nextUrl.searchParams.get('q') ?? '' });
  return NextResponse.json({ contacts: await findContacts(user, q) }, { headers: { 'cache-control': 'no-store' } });
});
