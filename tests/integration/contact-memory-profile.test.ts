import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { linkMemoryProfile } from '@/lib/contacts/link-memory-profile';
import { mergeContacts } from '@/lib/contacts/merge-contacts';
import { readContact } from '@/lib/contacts/read-contact';
import { db } from '@/lib/db/client';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestDatabase } from '../support/test-database';
import { startTestEmulator } from '../support/test-emulator';

// A contact's Conversations v2 Memory profile, looked up through the real `twilio` helper in the
// emulator's Memory by the stores the orchestration configurations name.

let emulator: Emulator;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
let supervisor: CurrentUser;
beforeAll(async () => {
  [emulator, database] = await Promise.all([startTestEmulator(), startTestDatabase()]);
  const user = await db.user.create({ data: { email: 'sam@memory.test', name: 'Sam', passwordHash: 'x', role: 'SUPERVISOR' }, select: { id: true, name: true, email: true, role: true } });
  supervisor = { ...user, active: true } as unknown as CurrentUser;
});
let isEmulatorClosed = false;
afterAll(async () => Promise.all([isEmulatorClosed ? undefined : emulator.close(), database.close()]));

const sid = (n: number) => `CH${String(n).padStart(32, '0')}`;

async function contactTexting(n: number, address: string): Promise<string> {
  const attributes = JSON.stringify({ switchboard: { channel: 'sms', customer: { address }, twilioNumber: emulator.numbers[0] } });
  await recordConversation({ sid: sid(n), state: 'active', attributes });
  return (await db.contactAddress.findUniqueOrThrow({ where: { address } })).contactId;
}

/** A GROUP_BY_PROFILE configuration naming the store, applied (Twilio applies it asynchronously). */
async function groupByProfile(memoryStoreId: string): Promise<void> {
  await getTwilioClient().conversations.v2.configurations.create({
    displayName: `Profiles ${memoryStoreId.slice(-4)}`,
    conversationGroupingType: 'GROUP_BY_PROFILE',
    memoryStoreId,
    channelSettings: { SMS: { captureRules: [{ from: '*', to: emulator.numbers[0] ?? '' }] } },
  } as never);
  await emulator.orchestrator.idle();
}

it('links nothing while no configuration names a Memory store, and the contact reads as before', async () => {
  const contactId = await contactTexting(1, '+15550002001');
  expect(await readContact(supervisor, contactId)).toMatchObject({ id: contactId, memoryProfile: null });
  expect(await db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ memoryLookup: 'NOT_CONFIGURED', memoryProfileId: null });
});

it('links the profile that has the customer’s number, shows its traits, and keeps the link without asking again', async () => {
  const memory = getTwilioClient().memory.v1;
  const store = await memory.stores.create({ displayName: 'customers' });
  const profile = await memory.profiles(store.id!).create({ traits: { contact: { name: 'Ada Lovelace', tier: 'gold' }, preferences: { language: 'en' } } });
  await memory.identifiers(store.id!, profile.id!).create({ idType: 'phone', value: '+15550002002' });
  await groupByProfile(store.id!);

  const contactId = await contactTexting(2, '+15550002002');
  const read = await readContact(supervisor, contactId);
  expect(read.memoryProfile).toMatchObject({
    status: 'linked',
    storeId: store.id,
    profileId: profile.id,
    traits: [
      { name: 'contact.name', value: 'Ada Lovelace' },
      { name: 'contact.tier', value: 'gold' },
      { name: 'preferences.language', value: 'en' },
    ],
  });
  expect(await db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ memoryLookup: 'LINKED', memoryProfileId: profile.id });

  // Linked: the panel reads what is stored (a trait changed in Memory shows after a refresh).
  await memory.profiles(store.id!, profile.id!).patch({ traits: { contact: { tier: 'platinum' } } });
  expect((await readContact(supervisor, contactId)).memoryProfile).toMatchObject({ traits: expect.arrayContaining([{ name: 'contact.tier', value: 'gold' }]) });
  expect(await linkMemoryProfile({ contactId, force: true })).toMatchObject({ traits: expect.arrayContaining([{ name: 'contact.tier', value: 'platinum' }]) });

  // No profile has this number: no link.
  const stranger = await contactTexting(3, '+15550002003');
  expect((await readContact(supervisor, stranger)).memoryProfile).toMatchObject({ status: 'none' });
  expect(await db.contact.findUniqueOrThrow({ where: { id: stranger } })).toMatchObject({ memoryLookup: 'NONE', memoryProfileId: null });
});

it('finds a profile by the contact’s email too, and skips a store Twilio no longer has (404)', async () => {
  const memory = getTwilioClient().memory.v1;
  const gone = (await memory.stores.create({ displayName: 'gone' })).id!;
  await groupByProfile(gone);
  // Deleted in Memory since (the emulator serves no delete): its lookups now answer 404.
  delete emulator.orchestrator.ctx.state().memoryStores[gone];
  await expect(memory.lookup(gone).create({ idType: 'phone', value: '+15550002004' })).rejects.toMatchObject({ status: 404 });
  const store = (await memory.stores.create({ displayName: 'by email' })).id!;
  const profile = await memory.profiles(store).create({ traits: { contact: { name: 'Bo' } } });
  await memory.identifiers(store, profile.id!).create({ idType: 'email', value: 'bo@example.com' });
  await groupByProfile(store);

  const contactId = await contactTexting(4, '+15550002004');
  await db.contact.update({ where: { id: contactId }, data: { email: 'Bo@Example.com' } });
  expect((await readContact(supervisor, contactId)).memoryProfile).toMatchObject({ status: 'linked', profileId: profile.id });
});

it('looks a contact up again after a merge brings it an address a profile has', async () => {
  const memory = getTwilioClient().memory.v1;
  const store = (await memory.stores.create({ displayName: 'by whatsapp' })).id!;
  const profile = await memory.profiles(store).create({ traits: { contact: { name: 'Cy' } } });
  await memory.identifiers(store, profile.id!).create({ idType: 'whatsapp', value: 'whatsapp:+15550002007' });
  await groupByProfile(store);
  const onSms = await contactTexting(6, '+15550002006');
  expect((await readContact(supervisor, onSms)).memoryProfile).toMatchObject({ status: 'none' });
  await recordConversation({
    sid: sid(7),
    state: 'active',
    attributes: JSON.stringify({ switchboard: { channel: 'whatsapp', customer: { address: 'whatsapp:+15550002007' }, twilioNumber: 'whatsapp:+14155238886' } }),
  });
  const onWhatsApp = (await db.contactAddress.findUniqueOrThrow({ where: { address: 'whatsapp:+15550002007' } })).contactId;
  await mergeContacts({ user: supervisor, targetId: onSms, sourceId: onWhatsApp });
  expect((await readContact(supervisor, onSms)).memoryProfile).toMatchObject({ status: 'linked', profileId: profile.id });
});

it('with Twilio unreachable, the contact still reads, with the lookup marked unavailable', async () => {
  const contactId = await contactTexting(5, '+15550002005');
  await emulator.close();
  isEmulatorClosed = true;
  const read = await readContact(supervisor, contactId);
  expect(read).toMatchObject({ id: contactId, addresses: [{ address: '+15550002005' }], memoryProfile: { status: 'unavailable' } });
  // A link made before stays readable while Twilio is away.
  const linked = (await db.contactAddress.findUniqueOrThrow({ where: { address: '+15550002002' } })).contactId;
  expect((await readContact(supervisor, linked)).memoryProfile).toMatchObject({ status: 'linked' });
  // A refresh asked for by hand fails quietly too: the link is replaced only by Twilio's answer.
  expect(await linkMemoryProfile({ contactId: linked, force: true })).toMatchObject({ status: 'linked' });
});
