import type { Clock } from '../clock';
import type { Core } from '../domain/core';
import type { OrchestratorState, V2ConversationRecord } from './records';

/** What the orchestrator's modules work with; built once by `attachOrchestrator`. */
export type OrchestratorContext = {
  core: Core;
  clock: Clock;
  state(): OrchestratorState;
  /** Marks the state changed (persistence writes it with the rest). */
  changed(): void;
  /** Runs work a moment later, tracked so `idle()` can wait for it. */
  later(work: () => Promise<void> | void): void;
  /** A conversation changed status: status callbacks go out. */
  statusChanged(conversation: V2ConversationRecord, previous: V2ConversationRecord['status']): void;
  /**
   * Deadlines may have moved: the lifecycle timer re-arms. With a conversation, only its deadline is
   * considered (capture stays constant-time); without, every conversation is checked.
   */
  rearm(conversation?: V2ConversationRecord): void;
  nextSeq(): number;
};

/** The public URL of a ControlPlane operation, as Twilio answers it (the redirect client maps it here). */
export const operationUrl = (id: string) => `https://conversations.twilio.com/v2/ControlPlane/Operations/${id}`;
