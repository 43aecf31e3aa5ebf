import 'server-only';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { log } from '@/lib/observability/log';
import { fetchOperation } from './fetch-operation';

/** Twilio's statusUrl is meant to be polled: quickly at first, then less often, for up to ~2 minutes. */
const DELAYS_MS = [100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows a ControlPlane operation on the server until it completes or fails, then tells the
 * admins' screens through the live stream (the browser never polls). Runs after the response.
 */
export async function watchOperation(operationId: string): Promise<void> {
  for (const delay of DELAYS_MS) {
    await sleep(delay);
    try {
      const operation = await fetchOperation(operationId);
      if (operation.status === 'PENDING') continue;
      await publishLiveEventAfterWrite({
        kind: 'orchestration.changed',
        data: { operationId, status: operation.status },
        audience: { roles: ADMIN_ROLES },
      });
      return;
    } catch (error) {
      log.warn('orchestration.operation_watch_failed', { operationId, error });
    }
  }
  log.warn('orchestration.operation_still_pending', { operationId });
}
