import type { Core } from '../../../domain/core';
import type { SyncEngine } from '../../sync/engine';
import { parseUserKey } from './projection-index';
import type { ChatProjector } from './projector';

/**
 * Brings the Sync projection in line with the domain at start-up. The Sync state is saved in the same
 * file write as the domain state, so normally there is nothing to do; a state file from before the
 * realtime layer (or without its `sync` part) gets every object built here. Objects of conversations
 * or services that no longer exist, and objects nothing points at, are removed. O(conversations + users).
 */
export function reconcileProjection(core: Core, engine: SyncEngine, projector: ChatProjector): void {
  const state = core.store.state;
  for (const conversationSid of [...projector.index.conversations.keys()]) {
    if (!state.conversations[conversationSid]) projector.removeConversation(conversationSid);
  }
  for (const key of [...projector.index.users.keys()]) {
    if (!state.services[parseUserKey(key).serviceSid]) projector.dropUser(key);
  }
  for (const conversation of Object.values(state.conversations)) projector.ensureConversation(conversation);
  for (const user of Object.values(state.users)) projector.ensureUser(user.serviceSid, user.identity);
  const known = projector.index.knownSids();
  for (const record of Object.values(engine.state.objects)) {
    if (!known.has(record.sid)) engine.remove(record.type, record.sid);
  }
}
