import { applyAssignments } from './apply-assignment';
import { drainQueue } from './route-conversation';

/** Capacity may have appeared: route waiting conversations and make the assignments real. */
export async function offerQueuedWork(options: Parameters<typeof drainQueue>[0] = {}): Promise<void> {
  try {
    await applyAssignments(await drainQueue(options));
  } catch (error) {
    console.error('Routing the queue failed', error);
  }
}
