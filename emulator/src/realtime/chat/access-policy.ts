import type { Core } from '../../domain/core';
import { canPeekConversation } from '../../domain/sdk-permissions';
import type { CanAccess } from '../sync/access';
import { readTag } from './tags';

/**
 * Who may read which chat Sync object, decided from the object's tag and the domain, per request
 * and per subscription (the hub re-checks when membership changes). Everything is an index lookup.
 *
 * - a user's conversations map: that user only;
 * - user-info maps: any user of the same service (`client.getUser(identity)` works for anyone);
 * - a conversation's messages list and roster: its participants;
 * - its document: participants, plus whoever may peek at it (`canPeekConversation` in the domain).
 *
 * Objects of another service than the token's chat grant are never readable, so two services' users
 * with the same identity stay apart. A refused object answers exactly like a missing one (404).
 */
export function createChatAccessPolicy(core: Core): CanAccess {
  return (subject, object) => {
    const tag = readTag(object.tag);
    if (!tag || subject.serviceSid === null || tag.serviceSid !== subject.serviceSid) return false;
    switch (tag.kind) {
      case 'user-conversations':
        return tag.identity === subject.identity;
      case 'user-info':
        return true;
      case 'messages':
      case 'roster':
        return core.lookup.participantByIdentity(tag.conversationSid, subject.identity) !== undefined;
      case 'conversation': {
        const conversation = core.store.get('conversations', tag.conversationSid);
        return conversation !== undefined && canPeekConversation(core.ctx, { serviceSid: subject.serviceSid, identity: subject.identity }, conversation);
      }
    }
  };
}

