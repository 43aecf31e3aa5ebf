import type { Client, Conversation, Message, Participant } from '@twilio/conversations';
import type { Store } from './create-store';
import type { ConnectionStatus, InboxState } from './inbox-state';
import { toConversationRecord, toMessageRecord, toParticipantRecord } from './records';
import type { SdkRegistry } from './sdk-registry';
import {
  withContactName,
  withMessage,
  withoutConversation,
  withoutMessage,
  withoutParticipant,
  withParticipant,
  withTyping,
  withUserName,
} from './state-updates';

type Options = {
  client: Client;
  store: Store<InboxState>;
  registry: SdkRegistry;
  onIncomingMessage: (message: Message) => void;
  onOwnMessage: (message: Message) => void;
  onTokenAboutToExpire: () => void;
  onTokenExpired: () => void;
  onUserSeen: (identity: string) => void;
};

/**
 * Turns the SDK's events into store updates. Everything the inbox shows arrives this way.
 * Returns the conversation upsert, for conversations fetched on demand.
 */
export function bindClientEvents({ client, store, registry, onIncomingMessage, onOwnMessage, onTokenAboutToExpire, onTokenExpired, onUserSeen }: Options) {
  const upsertConversation = (conversation: Conversation) => {
    if (conversation.status !== 'joined') return;
    const isNew = !registry.conversations.has(conversation.sid);
    registry.conversations.set(conversation.sid, conversation);
    store.update((state) => ({ ...state, conversations: { ...state.conversations, [conversation.sid]: withContactName(toConversationRecord(conversation), state.contactNames) } }));
    // The roster may have been announced before the conversation itself: read it once.
    if (isNew) {
      void conversation.getParticipants().then(
        (participants) => participants.forEach(upsertParticipant),
        () => undefined,
      );
    }
  };
  const removeConversation = (conversation: Conversation) => {
    registry.forgetConversation(conversation.sid);
    store.update((state) => withoutConversation(state, conversation.sid));
  };
  const upsertParticipant = (participant: Participant) => {
    if (participant.type === 'chat' && participant.identity) onUserSeen(participant.identity);
    store.update((state) => withParticipant(state, participant.conversation.sid, toParticipantRecord(participant)));
  };
  const setTyping = (isTyping: boolean) => (participant: Participant) => {
    if (!participant.identity) return;
    onUserSeen(participant.identity);
    store.update((state) => withTyping(state, participant.conversation.sid, participant.identity!, isTyping));
  };
  const upsertMessage = (message: Message) => {
    registry.messages.set(message.sid, message);
    // A colleague who wrote here may have left (a transfer): their name is still theirs.
    if (message.author) onUserSeen(message.author);
    store.update((state) => withMessage(state, message.conversation.sid, toMessageRecord(message)));
  };

  client.on('connectionStateChanged', (connection) =>
    store.update((state) => ({
      ...state,
      connection: connection as ConnectionStatus,
      everConnected: state.everConnected || connection === 'connected',
    })),
  );
  client.on('initialized', () => store.update((state) => ({ ...state, ready: true })));
  client.on('initFailed', ({ error }) =>
    store.update((state) => ({ ...state, fatalError: error?.message ?? 'The inbox could not connect.' })),
  );
  client.on('conversationJoined', upsertConversation);
  client.on('conversationUpdated', ({ conversation }) => upsertConversation(conversation));
  client.on('conversationLeft', removeConversation);
  client.on('conversationRemoved', removeConversation);
  client.on('messageAdded', (message) => {
    upsertMessage(message);
    if (message.author === client.user.identity) onOwnMessage(message);
    else onIncomingMessage(message);
  });
  client.on('messageUpdated', ({ message }) => upsertMessage(message));
  client.on('messageRemoved', (message) => {
    registry.messages.delete(message.sid);
    store.update((state) => withoutMessage(state, message.conversation.sid, message.index));
  });
  client.on('participantJoined', upsertParticipant);
  client.on('participantUpdated', ({ participant }) => upsertParticipant(participant));
  client.on('participantLeft', (participant) =>
    store.update((state) => withoutParticipant(state, participant.conversation.sid, participant.sid)),
  );
  client.on('typingStarted', setTyping(true));
  client.on('typingEnded', setTyping(false));
  client.on('userUpdated', ({ user }) => {
    if (user.friendlyName) store.update((state) => withUserName(state, user.identity, user.friendlyName!));
  });
  client.on('tokenAboutToExpire', onTokenAboutToExpire);
  client.on('tokenExpired', onTokenExpired);
  return { upsertConversation };
}
