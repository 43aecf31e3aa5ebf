import { readJson, withSession } from '@/lib/api/with-session';
import { ZContactNote } from '@/lib/contacts/contact-schemas';
import { addContactNote } from '@/lib/contacts/update-contact';

export const POST = withSession<{ contactId: string }>({}, async ({ req, user, params }) => {
  const { body } = await readJson(req, ZContactNote);
  await addContactNote({ user, contactId: params.contactId, body });
  return new Response(null, { status: 201 });
});
