// The team's service-level targets, and whether a conversation is breaching them now.

export type ServiceLevelTargets = { firstResponseSeconds: number; replyWaitSeconds: number };

export type ConversationTimes = {
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  awaitingReplySince: Date | null;
};

export type ServiceLevelStatus = {
  /** Seconds the customer has been waiting for a reply now (0 when nobody is waiting). */
  waitingSeconds: number;
  /** No first response yet, and it is later than the target. */
  firstResponseBreached: boolean;
  /** The customer has waited longer than the target for a reply. */
  replyWaitBreached: boolean;
};

/** Over either target: what the console highlights and its "over target" filter counts. */
export const isBreaching = (status: Pick<ServiceLevelStatus, 'firstResponseBreached' | 'replyWaitBreached'>): boolean =>
  status.firstResponseBreached || status.replyWaitBreached;

export function serviceLevelStatus(times: ConversationTimes, targets: ServiceLevelTargets, now: Date): ServiceLevelStatus {
  const seconds = (since: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
  const waitingSeconds = times.awaitingReplySince ? seconds(times.awaitingReplySince) : 0;
  return {
    waitingSeconds,
    firstResponseBreached: Boolean(times.firstInboundAt && !times.firstResponseAt && seconds(times.firstInboundAt) > targets.firstResponseSeconds),
    replyWaitBreached: waitingSeconds > targets.replyWaitSeconds,
  };
}
