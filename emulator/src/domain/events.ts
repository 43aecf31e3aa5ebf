import type {
  ConversationRecord,
  ConversationWebhookRecord,
  ConversationState,
  MediaRecord,
  MessageRecord,
  ParticipantRecord,
  ReceiptRecord,
  RoleRecord,
  ServiceRecord,
  UserRecord,
} from '../store/records';
import type { InboundSummary } from './inbound-summary';
import type { Origin } from './origin';

/**
 * Domain events: emitted once per change, after the store has been changed, in the order the changes
 * happened. They are the spine other adapters build on (webhooks, the carrier, Sync/twilsock). Each
 * carries full snapshots of the records involved (immutable: the store replaces records rather than
 * editing them), the origin of the change, and `at`, the emulator time of the change.
 *
 * A cascade emits its own events in order: deleting a conversation emits `conversation.removed` (with the
 * participants it had) after its messages, participants and webhooks are gone, without separate
 * `participant.removed` events, as Twilio's own webhooks do. Auto-creating a user when an identity
 * first joins emits `user.added` before `participant.added`.
 */
type Meta = { origin: Origin; at: string; serviceSid: string };

export type DomainEvent =
  | (Meta & { type: 'service.added'; service: ServiceRecord })
  | (Meta & { type: 'service.removed'; service: ServiceRecord })
  | (Meta & {
      type: 'conversation.added';
      conversation: ConversationRecord;
      /** Set when an inbound SMS/WhatsApp message autocreated it. */
      inbound?: InboundSummary;
    })
  | (Meta & {
      type: 'conversation.updated';
      conversation: ConversationRecord;
      previous: ConversationRecord;
      /** camelCase record fields whose value changed. */
      changed: (keyof ConversationRecord)[];
    })
  | (Meta & {
      type: 'conversation.state-updated';
      conversation: ConversationRecord;
      previousState: ConversationState;
      /** 'api' when set through REST/SDK, 'timer' when a timer fired, 'activity' when a message reopened it. */
      reason: 'api' | 'timer' | 'activity';
    })
  | (Meta & {
      type: 'conversation.removed';
      conversation: ConversationRecord;
      participants: ParticipantRecord[];
      /** Its conversation-scoped webhooks, gone with it (they still get `onConversationRemoved`). */
      webhooks?: ConversationWebhookRecord[];
    })
  | (Meta & { type: 'participant.added'; participant: ParticipantRecord; conversation: ConversationRecord })
  | (Meta & {
      type: 'participant.updated';
      participant: ParticipantRecord;
      previous: ParticipantRecord;
      conversation: ConversationRecord;
      changed: (keyof ParticipantRecord)[];
    })
  | (Meta & { type: 'participant.removed'; participant: ParticipantRecord; conversation: ConversationRecord })
  | (Meta & { type: 'message.added'; message: MessageRecord; conversation: ConversationRecord })
  | (Meta & {
      type: 'message.updated';
      message: MessageRecord;
      previous: MessageRecord;
      conversation: ConversationRecord;
      changed: (keyof MessageRecord)[];
    })
  | (Meta & { type: 'message.removed'; message: MessageRecord; conversation: ConversationRecord })
  | (Meta & {
      type: 'delivery.updated';
      receipt: ReceiptRecord;
      previous: ReceiptRecord | null;
      message: MessageRecord;
      conversation: ConversationRecord;
    })
  | (Meta & { type: 'user.added'; user: UserRecord })
  | (Meta & { type: 'user.updated'; user: UserRecord; previous: UserRecord; changed: (keyof UserRecord)[] })
  | (Meta & { type: 'user.removed'; user: UserRecord })
  | (Meta & {
      /** A user's view of one conversation changed: notification level or read horizon. */
      type: 'user-conversation.updated';
      user: UserRecord;
      participant: ParticipantRecord;
      conversation: ConversationRecord;
      changed: ('notificationLevel' | 'lastReadMessageIndex' | 'lastReadTimestamp')[];
    })
  | (Meta & { type: 'role.added' | 'role.updated' | 'role.removed'; role: RoleRecord })
  | (Meta & { type: 'media.added'; media: MediaRecord })
  | (Meta & {
      /** Account or service configuration (incl. webhook and notification settings) changed. */
      type: 'configuration.updated';
      scope: 'account' | 'account-webhooks' | 'service' | 'service-webhooks' | 'service-notifications';
    })
  | (Meta & { type: 'state.reset' });

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
export type EventListener = (event: DomainEvent) => void;

/**
 * Synchronous fan-out: listeners run right after the change, before the mutation returns, in
 * subscription order. That keeps tests deterministic (no "wait a bit"); listeners that do I/O
 * (webhooks) must start it and not block. A throwing listener is reported, never breaks the mutation.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onType<T extends DomainEventType>(type: T, listener: (event: EventOf<T>) => void): () => void {
    return this.on((event) => {
      if (event.type === type) listener(event as EventOf<T>);
    });
  }

  emit(event: DomainEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[emulator] listener for ${event.type} threw`, error);
      }
    }
  }
}
