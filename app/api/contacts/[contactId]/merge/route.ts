import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ZMergeContacts } from '@/lib/contacts/contact-schemas';
import { mergeContacts } from '@/lib/contacts/merge-contacts';

// The other contact is merged into this one; the answer names the merge, for its undo.
export const POST = withSession<{ contactId: string }>({}, async ({ req, user, params }) => {
  const { otherContactId } = await readJson(req, ZMergeContacts);
  return NextResponse.json(await mergeContacts({ user, targetId: params.contactId, sourceId: otherContactId }), { status: 201 });
});
