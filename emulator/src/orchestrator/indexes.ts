import type { CommunicationRecord, OrchestratorState, V2ParticipantRecord } from './records';

/**
 * In-memory lookups over the orchestrator's state, so capture stays constant-time per message at
 * broadcast scale (10,000 conversations). Built lazily per state object (a reset or a load swaps the
 * object, and with it the index); every insert notes its record. Entries are checked against the
 * state when read, so a record removed since is simply not found.
 */
type Indexes = { byChannelId: Map<string, string>; participantsByConversation: Map<string, Set<string>> };

const cache = new WeakMap<OrchestratorState, Indexes>();

const indexesOf = (state: OrchestratorState): Indexes => {
  let found = cache.get(state);
  if (!found) {
    found = { byChannelId: new Map(), participantsByConversation: new Map() };
    for (const c of Object.values(state.communications)) if (c.channelId) found.byChannelId.set(c.channelId, c.id);
    for (const p of Object.values(state.participants)) addTo(found.participantsByConversation, p.conversationId, p.id);
    cache.set(state, found);
  }
  return found;
};

const addTo = (map: Map<string, Set<string>>, key: string, id: string) => {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
};

export const insertCommunication = (state: OrchestratorState, communication: CommunicationRecord): void => {
  state.communications[communication.id] = communication;
  if (communication.channelId) indexesOf(state).byChannelId.set(communication.channelId, communication.id);
};

export const communicationByChannelId = (state: OrchestratorState, channelId: string): CommunicationRecord | undefined => {
  const id = indexesOf(state).byChannelId.get(channelId);
  const found = id ? state.communications[id] : undefined;
  return found?.channelId === channelId ? found : undefined;
};

export const insertParticipant = (state: OrchestratorState, participant: V2ParticipantRecord): void => {
  state.participants[participant.id] = participant;
  addTo(indexesOf(state).participantsByConversation, participant.conversationId, participant.id);
};

/** A conversation's participants, in creation order. */
export const participantsIn = (state: OrchestratorState, conversationId: string): V2ParticipantRecord[] => {
  const ids = indexesOf(state).participantsByConversation.get(conversationId) ?? new Set<string>();
  return [...ids]
    .map((id) => state.participants[id])
    .filter((p): p is V2ParticipantRecord => p?.conversationId === conversationId)
    .sort((a, b) => a.seq - b.seq);
};
