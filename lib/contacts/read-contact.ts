import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { channelFromIndex } from '@/lib/conversations/conversation-descriptor';
import { db } from '@/lib/db/client';
import { assertCanSeeContact } from './contact-access';
import type { ContactView } from './contact-schemas';
import { linkMemoryProfile } from './link-memory-profile';

const STATES = { ACTIVE: 'active', INACTIVE: 'inactive', CLOSED: 'closed' } as const;

/**
 * A contact with their addresses, notes, the timeline of every conversation with them, and their
 * Memory profile (looked up when due; a failing lookup never fails the read).
 */
export async function readContact(user: CurrentUser, contactId: string): Promise<ContactView> {
  await assertCanSeeContact(user, contactId);
  const memoryProfile = await linkMemoryProfile({ contactId });
  const contact = await db.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: {
      id: true,
      name: true,
      email: true,
      attributes: true,
      addresses: { select: { address: true, channel: true }, orderBy: { createdAt: 'asc' } },
      notes: { select: { id: true, body: true, createdAt: true, author: { select: { name: true } } }, orderBy: { createdAt: 'asc' }, take: 500 },
      conversations: {
        orderBy: { createdAt: 'desc' },
        take: 200,
        select: { sid: true, channel: true, customerAddress: true, state: true, createdAt: true, lastMessageAt: true, lastMessagePreview: true, assignee: { select: { name: true } }, resolvedById: true },
      },
    },
  });
  const merge = await db.contactMerge.findFirst({ where: { targetId: contactId, undoneAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  const resolvers = await namesOf(contact.conversations.flatMap((conversation) => (conversation.resolvedById ? [conversation.resolvedById] : [])));
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    attributes: stringValues(contact.attributes),
    addresses: contact.addresses.map((entry) => ({ address: entry.address, channel: channelFromIndex(entry.channel) })),
    notes: contact.notes.map((note) => ({ id: note.id, body: note.body, authorName: note.author.name, createdAt: note.createdAt.toISOString() })),
    timeline: contact.conversations.map((conversation) => ({
      conversationSid: conversation.sid,
      channel: channelFromIndex(conversation.channel),
      address: conversation.customerAddress,
      state: STATES[conversation.state],
      // A closed conversation has no owner any more: who resolved it worked it last.
      assignee: conversation.assignee?.name ?? (conversation.resolvedById ? (resolvers.get(conversation.resolvedById) ?? null) : null),
      createdAt: conversation.createdAt.toISOString(),
      lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
      lastMessagePreview: conversation.lastMessagePreview,
    })),
    undoableMergeId: merge?.id ?? null,
    memoryProfile,
  };
}

/** The contact behind a conversation (null for a group text or a team chat). */
export async function readContactOfConversation(user: CurrentUser, conversationSid: string): Promise<ContactView | null> {
  const row = await db.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { contactId: true } });
  if (!row?.contactId) return null;
  try {
    return await readContact(user, row.contactId);
  } catch (error) {
    // A contact this user may not see is, to them, no contact.
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

function stringValues(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
