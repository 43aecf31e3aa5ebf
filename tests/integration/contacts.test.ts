import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { linkContact } from '@/lib/contacts/link-contact';
import { mergeContacts, undoMerge } from '@/lib/contacts/merge-contacts';
import { findContacts } from '@/lib/contacts/find-contacts';
import { readContact, readContactOfConversation } from '@/lib/contacts/read-contact';
import { addContactNote, updateContact } from '@/lib/contacts/update-contact';
import { db } from '@/lib/db/client';
import { recordAssignment } from '@/lib/routing/assign';
import { startTestDatabase } from '../support/test-database';

// Contacts as the webhooks make them and the panel's routes keep them, on a real embedded database.

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => database.close());

const sid = (n: number) => `CH${String(n).padStart(32, '0')}`;
const attributes = (channel: 'sms' | 'whatsapp', address: string, twilioNumber: string) => JSON.stringify({ switchboard: { channel, customer: { address }, twilioNumber } });

let ada: CurrentUser;
let bo: CurrentUser;
let sam: CurrentUser;

beforeAll(async () => {
  const user = async (name: string, role: 'AGENT' | 'SUPERVISOR') =>
    ({ ...(await db.user.create({ data: { email: `${name}@contacts.test`, name, passwordHash: 'x', role }, select: { id: true, name: true, email: true, role: true } })), active: true }) as unknown as CurrentUser;
  ada = await user('ada', 'AGENT');
  bo = await user('bo', 'AGENT');
  sam = await user('sam', 'SUPERVISOR');
});

describe('contacts', () => {
  it('are made from a conversation’s customer once, however often the webhooks come, and named in the index', async () => {
    await Promise.all([
      recordConversation({ sid: sid(1), state: 'active', attributes: attributes('sms', '+15550001001', '+15017122661') }),
      recordConversation({ sid: sid(1), binding: { addresses: ['+15550001001'], proxyAddress: '+15017122661', projectedAddress: null } }),
    ]);
    expect(await db.contactAddress.count({ where: { address: '+15550001001' } })).toBe(1);
    await db.$transaction((tx) => recordAssignment(tx, { conversationSid: sid(1), fromUserId: null, toUserId: ada.id, reason: 'AUTO', now: new Date() }));

    const contact = (await readContactOfConversation(ada, sid(1)))!;
    await updateContact({ user: ada, contactId: contact.id, input: { name: 'Dana Whitfield', email: 'dana@example.com', attributes: { plan: 'Pro' } } });
    await addContactNote({ user: ada, contactId: contact.id, body: 'Prefers texts after 5pm' });
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid(1) } })).customerName).toBe('Dana Whitfield');
    // A later webhook carries the attributes as they were written: the contact's name still wins.
    const stale = JSON.stringify({ switchboard: { channel: 'sms', customer: { address: '+15550001001', name: 'D. W.' }, twilioNumber: '+15017122661' } });
    await recordConversation({ sid: sid(1), state: 'inactive', attributes: stale });
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid(1) } })).customerName).toBe('Dana Whitfield');

    // A second conversation with the same number is the same person, named from the start.
    const { customerName } = await recordConversation({ sid: sid(2), state: 'active', attributes: attributes('sms', '+15550001001', '+15017122662') });
    expect(customerName).toBe('Dana Whitfield');
    const read = await readContact(ada, contact.id);
    expect(read).toMatchObject({ name: 'Dana Whitfield', email: 'dana@example.com', attributes: { plan: 'Pro' }, notes: [{ body: 'Prefers texts after 5pm', authorName: 'ada' }] });
    expect(read.timeline.map((entry) => entry.conversationSid).sort()).toEqual([sid(1), sid(2)]);
  });

  it('start with the name an agent gave when starting the conversation', async () => {
    const started = JSON.stringify({ switchboard: { channel: 'sms', customer: { address: '+15550001009', name: 'Kim Lee' }, twilioNumber: '+15017122661' } });
    await recordConversation({ sid: sid(9), state: 'active', attributes: started });
    const contactId = (await db.contactAddress.findUniqueOrThrow({ where: { address: '+15550001009' } })).contactId;
    expect((await readContact(sam, contactId)).name).toBe('Kim Lee');
  });

  it('keep a conversation with the contact it was linked to when its address is linked again (the reconciler, a webhook that lost a race)', async () => {
    await recordConversation({ sid: sid(20), state: 'active', attributes: attributes('sms', '+15550001020', '+15017122661') });
    const own = await db.contact.create({ data: { name: 'Rae Okafor' } });
    await db.conversationIndex.update({ where: { sid: sid(20) }, data: { contactId: own.id } });
    const linked = await linkContact({ conversationSid: sid(20), address: '+15550001020', channel: 'SMS' });
    expect(linked).toEqual({ contactId: own.id, name: 'Rae Okafor' });
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid(20) }, select: { contactId: true, customerName: true } })).toEqual({ contactId: own.id, customerName: 'Rae Okafor' });
    // Someone new, on a conversation not indexed yet: their contact is made and given back.
    const made = await linkContact({ conversationSid: sid(21), address: '+15550001021', channel: 'SMS', name: 'Ola Berg' });
    expect(made).toEqual({ contactId: (await db.contactAddress.findUniqueOrThrow({ where: { address: '+15550001021' } })).contactId, name: 'Ola Berg' });
  });

  it('are seen by supervisors and by the agents who worked their conversations, no one else', async () => {
    const contactId = (await db.contactAddress.findUniqueOrThrow({ where: { address: '+15550001001' } })).contactId;
    await expect(readContact(sam, contactId)).resolves.toMatchObject({ id: contactId });
    await expect(readContact(bo, contactId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateContact({ user: bo, contactId, input: { name: 'Taken over' } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await readContactOfConversation(bo, sid(1))).toBeNull();
    expect(await findContacts(bo, 'Dana')).toEqual([]);
    expect((await findContacts(ada, 'dana')).map((found) => found.name)).toEqual(['Dana Whitfield']);
  });

  it('merge (the same person on WhatsApp) and the merge undoes exactly', async () => {
    await recordConversation({ sid: sid(3), state: 'active', attributes: attributes('whatsapp', 'whatsapp:+15550001001', 'whatsapp:+14155238886') });
    await db.$transaction((tx) => recordAssignment(tx, { conversationSid: sid(3), fromUserId: null, toUserId: ada.id, reason: 'AUTO', now: new Date() }));
    const whatsapp = (await readContactOfConversation(ada, sid(3)))!;
    const sms = (await db.contactAddress.findUniqueOrThrow({ where: { address: '+15550001001' } })).contactId;
    expect(whatsapp.id).not.toBe(sms);

    const { mergeId } = await mergeContacts({ user: ada, targetId: whatsapp.id, sourceId: sms });
    const merged = await readContact(ada, whatsapp.id);
    expect(merged.name).toBe('Dana Whitfield');
    expect(merged.addresses.map((entry) => entry.channel).sort()).toEqual(['sms', 'whatsapp']);
    expect(merged.timeline).toHaveLength(3);
    expect(merged.notes.map((note) => note.body)).toEqual(['Prefers texts after 5pm']);
    expect(merged.undoableMergeId).toBe(mergeId);
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid(3) } })).customerName).toBe('Dana Whitfield');
    await expect(readContact(ada, sms)).rejects.toMatchObject({ code: 'not_found' });

    await undoMerge({ user: ada, mergeId });
    await expect(undoMerge({ user: ada, mergeId })).rejects.toMatchObject({ code: 'conflict' });
    const apart = await readContact(ada, whatsapp.id);
    expect(apart).toMatchObject({ name: null, notes: [], undoableMergeId: null });
    expect(apart.timeline.map((entry) => entry.conversationSid)).toEqual([sid(3)]);
    expect((await readContact(ada, sms)).timeline).toHaveLength(2);
    expect((await db.conversationIndex.findUniqueOrThrow({ where: { sid: sid(3) } })).customerName).toBeNull();
  });
});
