import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Core } from '../../domain/core';
import type { Router } from '../../http/router';
import { attachRealtime, type Realtime } from '../attach-realtime';
import type { AccessTokenVerifier } from '../auth/access-token';
import { consoleLogger, type RealtimeLogger } from '../logger';
import type { SyncState } from '../sync/state';
import { createChatAccessPolicy } from './access-policy';
import { ProjectionIndex } from './projection/projection-index';
import { ChatProjector } from './projection/projector';
import { reconcileProjection } from './projection/reconcile';
import { attachReachability } from './reachability';
import type { ChatDeps } from './routes/chat-route';

export type SdkSupportOptions = {
  server: Server;
  /** The emulator's route table: twilsock requests are answered by it, like plain HTTP. */
  router: Router;
  core: Core;
  /** Emulator time (Sync dates). */
  clock: Clock;
  /** Real time, for access tokens (minted on real time). */
  tokenClock: Clock;
  verifyToken: AccessTokenVerifier;
  /** Sync state saved with the emulator state (`sync` in the state file), to restore after a restart. */
  syncState?: SyncState;
  logger?: RealtimeLogger;
  /** Lead of `tokenAboutToExpire`; default 3 minutes (clamped for short tokens). */
  tokenAboutToExpireLeadMs?: number;
};

export type SdkSupport = {
  realtime: Realtime;
  projector: ChatProjector;
  /** What the chat API's routes work with. */
  chat: ChatDeps;
  /**
   * The Sync state to save beside the store's state: the live state without event logs. A client that
   * reconnects after a restart gets a catch-up computed from the items' own event ids (event-log.ts:
   * exact final state, intermediate versions collapsed), so the logs are not worth rewriting on every
   * save. Shallow copies: nothing live is changed.
   */
  syncSnapshot(): SyncState;
  /** Called after every Sync change (to mark the state file dirty). */
  onSyncChange(listener: () => void): () => void;
  close(): Promise<void>;
};

/**
 * A crash between fan-out and the next state write can lose events clients already saw; ids restored
 * from the file are shifted past any such window so new events are never mistaken for seen ones.
 */
const RESTORED_EVENT_ID_GAP = 10_000;
/** `typing_timeout` (seconds): Twilio's default TypingIndicatorTimeout. */
const TYPING_TIMEOUT_SECONDS = 5;

/**
 * Makes the emulator speak the official SDK's protocol: twilsock and Sync from the realtime foundation,
 * Sync projections of the domain kept current by domain events, reachability, and what the chat API's
 * routes (a product on the emulator's router) work with. See README.md and docs/sdk-protocol.md.
 */
export function attachSdkSupport(options: SdkSupportOptions): SdkSupport {
  const { core, clock } = options;
  const logger = options.logger ?? consoleLogger;
  const realtime = attachRealtime(options.server, {
    router: options.router,
    clock,
    tokenClock: options.tokenClock,
    verifyToken: options.verifyToken,
    canAccess: createChatAccessPolicy(core),
    sync: { state: options.syncState, restoredEventIdGap: RESTORED_EVENT_ID_GAP },
    // A fresh offline-storage id per boot: descriptors a browser tab cached against an earlier
    // boot are never reused.
    twilsock: { logger, tokenAboutToExpireLeadMs: options.tokenAboutToExpireLeadMs, offlineStorageId: `ST${randomBytes(16).toString('hex')}` },
  });
  const projector = new ChatProjector(core, realtime.sync, realtime.subscriptions, ProjectionIndex.rebuild(realtime.sync));
  reconcileProjection(core, realtime.sync, projector);
  const chat: ChatDeps = {
    core,
    projector,
    engine: realtime.sync,
    hub: realtime.subscriptions,
    twilsock: realtime.twilsock,
    typingTimeoutSeconds: TYPING_TIMEOUT_SECONDS,
  };
  const reachability = attachReachability(core, realtime.twilsock, logger);
  const offEvents = core.events.on((event) => {
    if (event.type !== 'state.reset') {
      projector.handle(event);
      return;
    }
    projector.reset(core.defaultServiceSid);
    reachability.reset();
    // Every token names a service the reset deleted. 410 makes the SDK emit tokenExpired, so an app
    // that refreshes tokens reconnects with one for the new default service and keeps its user objects.
    for (const connection of [...realtime.twilsock.registry.connections()]) {
      connection.closeWithStatus({ code: 410, status: 'Token expired', description: 'The emulator was reset: get a new access token', errorCode: 20104 });
    }
  });
  return {
    realtime,
    projector,
    chat,
    syncSnapshot: () => withoutLogs(realtime.sync.state),
    onSyncChange: (listener) => realtime.sync.onChange(() => listener()),
    async close() {
      offEvents();
      reachability.stop();
      await realtime.close();
    },
  };
}

function withoutLogs(state: SyncState): SyncState {
  const objects: SyncState['objects'] = {};
  for (const [sid, record] of Object.entries(state.objects)) {
    objects[sid] = { ...record, log: [], logFloor: Math.max(record.logFloor, record.lastEventId) };
  }
  return { version: state.version, objects };
}

const ZSavedSyncState = z.object({ version: z.literal(1), objects: z.record(z.string(), z.looseObject({ sid: z.string(), type: z.string() })) });

/**
 * The Sync state saved in the emulator's state file under `sync` (beside the store's tables, one
 * atomic write for both), removed from the loaded object so the store does not carry a stale copy.
 */
export function takeSavedSyncState(loaded: object | undefined): SyncState | undefined {
  if (!loaded || !('sync' in loaded)) return undefined;
  const saved: unknown = loaded.sync;
  delete (loaded as { sync?: unknown }).sync;
  if (!ZSavedSyncState.safeParse(saved).success) return undefined;
  return saved as SyncState;
}

/** The object written to the state file: the store's state plus the Sync state. */
export function withSyncState<S extends object>(state: S, sync: SyncState | undefined): S {
  return sync ? { ...state, sync } : state;
}
