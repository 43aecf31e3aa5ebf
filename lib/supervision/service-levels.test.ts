import { describe, expect, it } from 'vitest';
import { serviceLevelStatus } from './service-levels';

const now = new Date('2026-11-21T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const targets = { firstResponseSeconds: 300, replyWaitSeconds: 600 };

describe('service levels', () => {
  it('counts nobody waiting when the team spoke last', () => {
    expect(serviceLevelStatus({ firstInboundAt: ago(900), firstResponseAt: ago(800), awaitingReplySince: null }, targets, now)).toEqual({
      waitingSeconds: 0,
      firstResponseBreached: false,
      replyWaitBreached: false,
    });
  });

  it('flags a first response later than the target, until it is sent', () => {
    expect(serviceLevelStatus({ firstInboundAt: ago(299), firstResponseAt: null, awaitingReplySince: ago(299) }, targets, now).firstResponseBreached).toBe(false);
    expect(serviceLevelStatus({ firstInboundAt: ago(301), firstResponseAt: null, awaitingReplySince: ago(301) }, targets, now).firstResponseBreached).toBe(true);
    expect(serviceLevelStatus({ firstInboundAt: ago(3000), firstResponseAt: ago(2000), awaitingReplySince: null }, targets, now).firstResponseBreached).toBe(false);
  });

  it('flags a customer waiting longer than the reply target', () => {
    const status = serviceLevelStatus({ firstInboundAt: ago(5000), firstResponseAt: ago(4900), awaitingReplySince: ago(601) }, targets, now);
    expect(status).toEqual({ waitingSeconds: 601, firstResponseBreached: false, replyWaitBreached: true });
  });
});
