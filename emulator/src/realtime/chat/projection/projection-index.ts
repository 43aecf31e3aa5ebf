import type { SyncEngine } from '../../sync/engine';
import { readTag } from '../tags';

/** The three Sync objects of one conversation. */
export type ConversationObjects = { document: string; messages: string; roster: string };
/** The two Sync objects of one user: the conversations map and the user-info map. */
export type UserObjects = { conversations: string; info: string };

/** A user's key: service and identity (the same identity in two services is two users). */
export const userKey = (serviceSid: string, identity: string): string => `${serviceSid}\n${identity}`;

/** The inverse of `userKey`; a service SID never contains a newline, an identity may. */
export const parseUserKey = (key: string): { serviceSid: string; identity: string } => {
  const at = key.indexOf('\n');
  return { serviceSid: key.slice(0, at), identity: key.slice(at + 1) };
};

/**
 * Where each conversation's and user's Sync objects are, by domain key. Derived data: rebuilt from the
 * objects' tags when the engine is restored, so only the Sync state itself is persisted. Lookups are
 * O(1) — nothing on a request or an event path scans all objects.
 */
export class ProjectionIndex {
  readonly conversations = new Map<string, ConversationObjects>();
  readonly users = new Map<string, UserObjects>();

  static rebuild(engine: SyncEngine): ProjectionIndex {
    const index = new ProjectionIndex();
    const partialConversations = new Map<string, Partial<ConversationObjects>>();
    const partialUsers = new Map<string, Partial<UserObjects>>();
    for (const record of Object.values(engine.state.objects)) {
      const tag = readTag(record.tag);
      if (!tag) continue;
      if (tag.kind === 'user-conversations' || tag.kind === 'user-info') {
        const key = userKey(tag.serviceSid, tag.identity);
        const entry = partialUsers.get(key) ?? {};
        if (tag.kind === 'user-conversations') entry.conversations = record.sid;
        else entry.info = record.sid;
        partialUsers.set(key, entry);
      } else {
        const entry = partialConversations.get(tag.conversationSid) ?? {};
        if (tag.kind === 'conversation') entry.document = record.sid;
        else if (tag.kind === 'messages') entry.messages = record.sid;
        else entry.roster = record.sid;
        partialConversations.set(tag.conversationSid, entry);
      }
    }
    // A half-present set (a crash can't produce one, but a hand-edited file can) is dropped here and
    // rebuilt from the domain by the startup reconcile; the orphans are removed there too.
    for (const [sid, entry] of partialConversations) {
      if (entry.document && entry.messages && entry.roster) {
        index.conversations.set(sid, { document: entry.document, messages: entry.messages, roster: entry.roster });
      }
    }
    for (const [key, entry] of partialUsers) {
      if (entry.conversations && entry.info) index.users.set(key, { conversations: entry.conversations, info: entry.info });
    }
    return index;
  }

  user(serviceSid: string, identity: string): UserObjects | undefined {
    return this.users.get(userKey(serviceSid, identity));
  }

  /** Every object SID the index knows, to find orphans. */
  knownSids(): Set<string> {
    const sids = new Set<string>();
    for (const objects of this.conversations.values()) {
      sids.add(objects.document).add(objects.messages).add(objects.roster);
    }
    for (const objects of this.users.values()) sids.add(objects.conversations).add(objects.info);
    return sids;
  }
}
