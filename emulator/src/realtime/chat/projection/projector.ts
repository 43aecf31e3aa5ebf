import type { Core } from '../../../domain/core';
import type { DomainEvent } from '../../../domain/events';
import { key } from '../../../store/indexes';
import type { ConversationRecord, ParticipantRecord } from '../../../store/records';
import type { JsonObject } from '../../json';
import type { SyncEngine } from '../../sync/engine';
import type { SubscriptionHub } from '../../sync/subscription-hub';
import { toJsonTag, type ChatTag } from '../tags';
import { conversationDocData, convMapItemData, messageItemData, rosterItemData, userInfoItems } from './item-data';
import { ProjectionIndex, parseUserKey, userKey, type ConversationObjects, type UserObjects } from './projection-index';

/**
 * Projects domain state onto the Sync objects the SDK reads, driven by domain events from every
 * source (REST, carrier, SDK, timers). Every write is "make the item equal to what the domain says",
 * skipped when nothing changes, so duplicate or overlapping events (a REST read-horizon update emits
 * both `participant.updated` and `user-conversation.updated`) cost nothing and the startup reconcile
 * reuses the same code. Fan-out to subscribers is the engine's business (onChange → SubscriptionHub).
 */
export class ChatProjector {
  constructor(
    private readonly core: Core,
    private readonly engine: SyncEngine,
    private readonly hub: SubscriptionHub,
    readonly index: ProjectionIndex,
  ) {}

  handle(event: DomainEvent): void {
    switch (event.type) {
      case 'conversation.added':
        this.ensureConversation(event.conversation);
        return;
      case 'conversation.updated':
      case 'conversation.state-updated':
        this.writeDocument(event.conversation.sid);
        return;
      case 'conversation.removed':
        for (const participant of event.participants) this.leave(participant);
        this.removeConversation(event.conversation.sid);
        return;
      case 'participant.added':
        this.writeParticipant(event.participant);
        return;
      case 'participant.updated':
        this.updateParticipant(event.participant, event.previous);
        return;
      case 'participant.removed':
        this.removeParticipant(event.participant);
        return;
      case 'message.added':
        this.writeMessage(event.message.sid, null);
        this.writeDocument(event.message.conversationSid);
        return;
      case 'message.updated':
        // Who edited it (lastUpdatedBy): the SDK user, else the system (REST, carrier, hook).
        this.writeMessage(event.message.sid, event.origin.source === 'sdk' ? (event.origin.clientIdentity ?? null) : 'system');
        return;
      case 'message.removed':
        this.removeMessage(event.message.conversationSid, event.message.index);
        return;
      case 'delivery.updated':
        this.writeMessage(event.message.sid, undefined);
        return;
      case 'user.added':
      case 'user.updated':
      case 'user.removed':
        this.writeUserInfo(event.user.serviceSid, event.user.identity);
        return;
      case 'user-conversation.updated':
        this.writeParticipant(event.participant);
        return;
      case 'service.removed':
        for (const key of [...this.index.users.keys()]) {
          if (parseUserKey(key).serviceSid === event.service.sid) this.dropUser(key);
        }
        return;
      default:
        return;
    }
  }

  /** The conversation's objects, created (and filled from the domain) when missing. */
  ensureConversation(conversation: ConversationRecord): ConversationObjects {
    const known = this.index.conversations.get(conversation.sid);
    if (known) return known;
    const tag = (kind: 'conversation' | 'messages' | 'roster'): ChatTag => ({ kind, serviceSid: conversation.serviceSid, conversationSid: conversation.sid });
    // Historic unique names (`${sid}.channel`, `${sid}.roster`) so ids the SDK derives resolve.
    const document = this.engine.createDocument({ uniqueName: this.freeName('document', `${conversation.sid}.channel`), tag: toJsonTag(tag('conversation')) });
    const messages = this.engine.createList({ uniqueName: this.freeName('list', `${conversation.sid}.messages`), tag: toJsonTag(tag('messages')) });
    const roster = this.engine.createMap({ uniqueName: this.freeName('map', `${conversation.sid}.roster`), tag: toJsonTag(tag('roster')) });
    const objects = { document: document.sid, messages: messages.sid, roster: roster.sid };
    this.index.conversations.set(conversation.sid, objects);
    for (const messageSid of this.core.store.byIndex('messages', 'byConversation', conversation.sid)) this.writeMessage(messageSid, null);
    for (const participant of this.core.store.recordsByIndex('participants', 'byConversation', conversation.sid)) this.writeParticipant(participant);
    this.writeDocument(conversation.sid);
    return objects;
  }

  /** The user's objects, created (conversations map filled from the domain) when missing. */
  ensureUser(serviceSid: string, identity: string): UserObjects {
    const known = this.index.user(serviceSid, identity);
    if (known) return known;
    const conversations = this.engine.createMap({ tag: toJsonTag({ kind: 'user-conversations', serviceSid, identity }) });
    const info = this.engine.createMap({ tag: toJsonTag({ kind: 'user-info', serviceSid, identity }) });
    const objects = { conversations: conversations.sid, info: info.sid };
    this.index.users.set(userKey(serviceSid, identity), objects);
    this.writeUserInfo(serviceSid, identity);
    for (const participant of this.core.store.recordsByIndex('participants', 'byServiceIdentity', key(serviceSid, identity))) {
      this.writeConvMapItem(participant);
    }
    return objects;
  }

  writeDocument(conversationSid: string): void {
    const conversation = this.core.store.get('conversations', conversationSid);
    const objects = this.index.conversations.get(conversationSid);
    if (!conversation || !objects) return;
    const data = conversationDocData(this.core, conversation, objects);
    const current = this.engine.find('document', objects.document);
    if (current && sameJson(current.data, data)) return;
    this.engine.setDocument(objects.document, data);
  }

  /**
   * The message's list item only: the document depends on which message is last, so callers that add
   * or remove messages refresh it themselves (once). `lastUpdatedBy`: null for a new message, the
   * editor for an edit, undefined to keep what the item already says (a delivery update or a reconcile
   * is nobody's edit).
   */
  writeMessage(messageSid: string, lastUpdatedBy: string | null | undefined): void {
    const message = this.core.store.get('messages', messageSid);
    const objects = message && this.ensureKnownConversation(message.conversationSid);
    if (!message || !objects) return;
    const existing = this.engine.listItem(objects.messages, message.index);
    const editor = lastUpdatedBy === undefined ? readString(existing?.data.lastUpdatedBy) : lastUpdatedBy;
    const data = messageItemData(this.core, message, editor);
    if (existing && sameJson(existing.data, data)) return;
    this.engine.setListItem(objects.messages, message.index, data);
  }

  /** Roster item plus, for a chat participant, the user's ConvMapItem (read horizon, level). */
  writeParticipant(participant: ParticipantRecord): void {
    const objects = this.ensureKnownConversation(participant.conversationSid);
    if (!objects) return;
    const current = this.core.store.get('participants', participant.sid) ?? participant;
    const user = current.identity === null ? undefined : this.ensureUser(current.serviceSid, current.identity);
    this.setMapItem(objects.roster, current.sid, rosterItemData(current, user?.info));
    if (current.identity !== null) this.writeConvMapItem(current);
  }

  writeUserInfo(serviceSid: string, identity: string): void {
    const objects = this.index.user(serviceSid, identity);
    if (!objects) {
      if (this.core.lookup.userByIdentity(serviceSid, identity)) this.ensureUser(serviceSid, identity);
      return;
    }
    const items = userInfoItems(this.core.lookup.userByIdentity(serviceSid, identity));
    this.setMapItem(objects.info, 'friendlyName', items.friendlyName);
    this.setMapItem(objects.info, 'attributes', items.attributes);
    this.setMapItem(objects.info, 'reachability', items.reachability);
  }

  /**
   * Forgets every conversation object (subscribers get `*_removed`) and empties every user's
   * conversations map (their SDKs see conversationLeft/Removed), keeping the user objects themselves:
   * a reconnecting SDK re-subscribes to the SIDs it holds, so they must survive. They are re-keyed to
   * `serviceSid` (a reset recreates the default service under a new SID).
   */
  reset(serviceSid: string): void {
    const users = [...this.index.users.entries()];
    this.index.users.clear();
    for (const [oldKey, objects] of users) {
      const { identity } = parseUserKey(oldKey);
      const map = this.engine.find('map', objects.conversations);
      for (const item of [...(map?.items ?? [])]) this.engine.removeMapItem(objects.conversations, item.key);
      const newKey = userKey(serviceSid, identity);
      if (this.index.users.has(newKey)) {
        // The same identity in two services: one pair survives, the other is dropped.
        this.removeObjects([['map', objects.conversations], ['map', objects.info]]);
        continue;
      }
      this.engine.retag(objects.conversations, toJsonTag({ kind: 'user-conversations', serviceSid, identity }));
      this.engine.retag(objects.info, toJsonTag({ kind: 'user-info', serviceSid, identity }));
      this.index.users.set(newKey, objects);
      this.writeUserInfo(serviceSid, identity);
    }
    for (const conversationSid of [...this.index.conversations.keys()]) this.removeConversation(conversationSid);
  }

  /** Forgets a user (by `userKey`) and removes its two maps. */
  dropUser(key: string): void {
    const objects = this.index.users.get(key);
    if (!objects) return;
    this.index.users.delete(key);
    this.removeObjects([['map', objects.conversations], ['map', objects.info]]);
  }

  removeConversation(conversationSid: string): void {
    const objects = this.index.conversations.get(conversationSid);
    if (!objects) return;
    this.index.conversations.delete(conversationSid);
    this.removeObjects([['document', objects.document], ['list', objects.messages], ['map', objects.roster]]);
  }

  private updateParticipant(participant: ParticipantRecord, previous: ParticipantRecord): void {
    const objects = this.index.conversations.get(participant.conversationSid);
    if (previous.identity !== participant.identity && objects) {
      // A projected-address transfer (Group Texting guide): the old user leaves, the new one joins. The SDK never
      // updates a participant's identity in place, so others see the roster item leave and come back.
      this.takeAway(previous, objects);
    }
    this.writeParticipant(participant);
  }

  private removeParticipant(participant: ParticipantRecord): void {
    const objects = this.index.conversations.get(participant.conversationSid);
    if (!objects) {
      this.leave(participant);
      return;
    }
    this.takeAway(participant, objects);
  }

  /**
   * A user loses a conversation (emulator/docs/sdk-access-loss.md), in this order: the ConvMapItem
   * goes first (their SDK's conversationLeft, its signal to close the conversation's objects); then
   * access is rechecked while the three objects are still exactly what the user was entitled to see, so
   * their connections stop hearing about it and any read still in flight is answered as of this point
   * (`ObjectHolds`); only then does the roster change, unseen by them.
   */
  private takeAway(participant: ParticipantRecord, objects: ConversationObjects): void {
    this.leave(participant);
    this.recheck(objects);
    if (this.engine.mapItem(objects.roster, participant.sid)) this.engine.removeMapItem(objects.roster, participant.sid);
  }

  private removeMessage(conversationSid: string, index: number): void {
    const objects = this.index.conversations.get(conversationSid);
    if (!objects) return;
    if (this.engine.listItem(objects.messages, index)) this.engine.removeListItem(objects.messages, index);
    this.writeDocument(conversationSid);
  }

  /** Drops the conversation from the user's map: their SDK emits conversationLeft. */
  private leave(participant: ParticipantRecord): void {
    if (participant.identity === null) return;
    const user = this.index.user(participant.serviceSid, participant.identity);
    if (user && this.engine.mapItem(user.conversations, participant.conversationSid)) {
      this.engine.removeMapItem(user.conversations, participant.conversationSid);
    }
  }

  private writeConvMapItem(participant: ParticipantRecord): void {
    if (participant.identity === null) return;
    const conversation = this.core.store.get('conversations', participant.conversationSid);
    const objects = conversation && this.ensureKnownConversation(conversation.sid);
    const user = this.index.user(participant.serviceSid, participant.identity);
    if (!conversation || !objects || !user) return;
    this.setMapItem(user.conversations, conversation.sid, convMapItemData(conversation, participant, objects));
  }

  private recheck(objects: ConversationObjects): void {
    this.hub.recheckAccess(objects.document);
    this.hub.recheckAccess(objects.messages);
    this.hub.recheckAccess(objects.roster);
  }

  /** Objects of a conversation the domain still has (created on demand for state loaded without them). */
  private ensureKnownConversation(conversationSid: string): ConversationObjects | undefined {
    const known = this.index.conversations.get(conversationSid);
    if (known) return known;
    const conversation = this.core.store.get('conversations', conversationSid);
    return conversation ? this.ensureConversation(conversation) : undefined;
  }

  private setMapItem(mapSid: string, itemKey: string, data: JsonObject): void {
    const existing = this.engine.mapItem(mapSid, itemKey);
    if (existing && sameJson(existing.data, data)) return;
    this.engine.setMapItem(mapSid, itemKey, data);
  }

  private removeObjects(objects: readonly (readonly ['document' | 'list' | 'map', string])[]): void {
    for (const [type, sid] of objects) if (this.engine.find(type, sid)) this.engine.remove(type, sid);
  }

  /** A unique name an orphan (an object the index lost) may still hold is freed first. */
  private freeName(type: 'document' | 'list' | 'map', name: string): string {
    const orphan = this.engine.find(type, name);
    if (orphan) this.engine.remove(type, orphan.sid);
    return name;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function readString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
