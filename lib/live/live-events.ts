// The app's own live events: what the event stream carries to browsers. Shared by the server
// and the browser; no server imports here. Payloads stay small (ids and a word on what changed):
// a screen that needs the details fetches them through the API, with its access checks.
//
// To add a kind (labels, snooze, …): add its data here, publish it with publishLiveEvent where
// the change is written (in the same transaction when there is one), with an audience from
// ./audiences, and refetch on it where a screen shows it (useLiveResource's `refetchOn`).

export type AssignmentReasonName = 'AUTO' | 'PREFERRED' | 'QUEUE' | 'FROM_QUEUE' | 'TAKEN' | 'STARTED' | 'TRANSFER' | 'RESOLVED';

export type LiveEventData = {
  /** A conversation changed hands, went to the queue or left it (transfers included). */
  'assignment.changed': {
    conversationSid: string;
    fromUserId: string | null;
    toUserId: string | null;
    reason: AssignmentReasonName;
    /** It waits in the queue now. */
    queued: boolean;
    /** It entered or left the queue (Queue tabs change). */
    queueChanged: boolean;
  };
  /** A conversation's index row changed: a message, its state, a failed delivery, its details, its labels, its snooze. */
  'conversation.updated': { conversationSid: string; change: 'message' | 'state' | 'delivery' | 'details' | 'labels' | 'snooze'; queued: boolean };
  'note.added': { conversationSid: string; noteId: string };
  'canned-responses.changed': Record<string, never>;
  /** A contact was renamed, edited, noted or merged (or a merge undone). */
  'contact.updated': { contactIds: string[] };
  /** A content template was created, submitted for WhatsApp's review or deleted (the templates page). */
  'templates.changed': Record<string, never>;
  /** A label was created, renamed, recoloured or deleted. */
  'labels.changed': Record<string, never>;
  /** Someone came online or went offline, changed availability, or an admin changed them. */
  'team.changed': { userId: string; sessionsEnded?: boolean };
  'settings.changed': Record<string, never>;
  /** A Conversation Orchestrator configuration write (its ControlPlane operation) finished. */
  /** A broadcast's recipients moved on (sent, delivered, failed) or it finished sending. */
  'broadcast.progress': { broadcastId: string };
  'orchestration.changed': { operationId: string; status: 'COMPLETED' | 'FAILED' };
  /** A dead letter or a reconciler repair was recorded, resolved or seen (the console's "needs attention"). */
  'attention.changed': Record<string, never>;
  /** A tab started or stopped showing a conversation (null: none, or the tab closed). */
  'viewer.changed': { connectionId: string; userId: string; name: string; conversationSid: string | null };
  /** Someone is typing in a conversation's composer (they stop when the events stop). */
  'viewer.typing': { connectionId: string; userId: string; name: string; conversationSid: string };
};

export type LiveEventKind = keyof LiveEventData;

/** An event as the browser receives it: its kind and data, and its id for Last-Event-ID. */
export type LiveEvent<K extends LiveEventKind = LiveEventKind> = K extends LiveEventKind ? { id: string; kind: K; data: LiveEventData[K] } : never;

export type LiveViewer = { connectionId: string; userId: string; name: string; conversationSid: string };

/** The first message of every stream (no id: it is not an event to replay). */
export type LiveHello = {
  connectionId: string;
  /** Every tab showing a conversation now, for collision notices. */
  viewers: LiveViewer[];
  /** Events may have been missed (no replay possible): every screen reloads what it shows. */
  resync: boolean;
};

/**
 * The stream's URL. Its messages: `hello` (first), unnamed messages carrying a LiveEvent, and
 * `resync` (events may have been lost: reload what you show).
 */
export const STREAM_PATH = '/api/live';

/** Narrows an event to a kind. */
export function isKind<K extends LiveEventKind>(event: LiveEvent, kind: K): event is LiveEvent<K> {
  return event.kind === kind;
}
