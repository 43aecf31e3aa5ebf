import type { TrafficObserver } from '../carrier/carrier';
import type { Core } from '../domain/core';
import { encodeParams, twilioSignature } from '../webhooks/signature';
import { bridgeInbound } from './bridge';
import { captureTraffic, recordDeliveryStatus } from './capture';
import type { OrchestratorContext } from './context';
import { resumeOperations } from './control-plane';
import { applyTimeouts, nextDeadline } from './lifecycle';
import type { V2ConversationRecord } from './records';

export type OrchestratorLogger = { info(message: string): void };

export type Orchestrator = {
  ctx: OrchestratorContext;
  /** What the carrier reports: capture, the v1 bridge, delivery statuses. */
  traffic: TrafficObserver;
  /** Applies the lifecycle timeouts due at the current emulator time. */
  runDue(): void;
  /** Resolves once queued operations and status callbacks in flight are done (tests). */
  idle(): Promise<void>;
  close(): void;
};

/** Node's setTimeout limit (~24.8 days): longer waits re-arm in steps. */
const MAX_WAIT_MS = 2_147_483_647;

/**
 * Conversation Orchestrator (Conversations API v2) over the emulator's state: the ControlPlane's
 * asynchronous operations, capture of carrier traffic into conversations, their lifecycle on the
 * emulator clock with signed status callbacks, and the bridge into a v1 service.
 */
export const attachOrchestrator = (core: Core, options: { authToken: string; logger?: OrchestratorLogger }): Orchestrator => {
  const logger = options.logger ?? { info: (message: string) => console.log(`[emulator] ${message}`) };
  let pending = 0;
  let waiters: (() => void)[] = [];
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const track = (work: Promise<unknown>) => {
    pending += 1;
    void work
      .catch((error: unknown) => logger.info(`orchestrator: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        pending -= 1;
        if (pending > 0) return;
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve();
      });
  };

  const sendStatusCallback = async (url: string, method: string, params: Record<string, string>) => {
    const query = encodeParams(params);
    const isGet = method === 'GET';
    const target = isGet ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
    const response = await fetch(target, {
      method,
      headers: {
        'X-Twilio-Signature': twilioSignature(options.authToken, target, isGet ? {} : params),
        'User-Agent': 'TwilioProxy/1.1',
        ...(isGet ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
      body: isGet ? undefined : query,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
  };

  const statusChanged = (conversation: V2ConversationRecord, previous: V2ConversationRecord['status']) => {
    const configuration = ctx.state().configurations[conversation.configurationId];
    for (const callback of configuration?.statusCallbacks ?? []) {
      const params = {
        AccountSid: core.accountSid,
        ConversationId: conversation.id,
        ConfigurationId: conversation.configurationId,
        Status: conversation.status,
        PreviousStatus: previous,
        Timestamp: core.clock.isoNow(),
      };
      track(sendStatusCallback(callback.url, callback.method, params));
    }
  };

  let armedAt: number | null = null;
  const arm = (at: number | null) => {
    if (timer) clearTimeout(timer);
    timer = null;
    armedAt = at;
    if (at === null || closed) return;
    timer = setTimeout(runDue, Math.min(Math.max(at - core.clock.now(), 0), MAX_WAIT_MS));
    timer.unref();
  };

  const runDue = () => {
    if (closed) return;
    arm(applyTimeouts(ctx));
  };

  const rearm = (conversation?: V2ConversationRecord) => {
    if (!conversation) return runDue();
    const at = nextDeadline(ctx, conversation);
    if (at !== null && (armedAt === null || at < armedAt)) arm(at);
  };

  const ctx: OrchestratorContext = {
    core,
    clock: core.clock,
    state: () => core.store.state.orchestrator,
    changed: () => core.store.touch(),
    later: (work) => {
      track(
        new Promise<void>((resolve, reject) => {
          setImmediate(() => {
            if (closed) return resolve();
            Promise.resolve(work()).then(resolve, reject);
          });
        }),
      );
    },
    statusChanged,
    rearm,
    nextSeq: () => core.store.nextSeq(),
  };

  const unsubscribeClock = core.clock.onAdvance(runDue);
  resumeOperations(ctx);
  runDue();

  const traffic: TrafficObserver = {
    inbound: async (message) => {
      const captured = captureTraffic(ctx, message);
      if (captured) await bridgeInbound(ctx, captured, message);
    },
    outbound: (message) => {
      captureTraffic(ctx, message);
    },
    delivery: (channelId, status) => recordDeliveryStatus(ctx, channelId, status),
  };

  return {
    ctx,
    traffic,
    runDue,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    close: () => {
      closed = true;
      unsubscribeClock();
      if (timer) clearTimeout(timer);
    },
  };
};
