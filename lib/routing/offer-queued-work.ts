import { applyAssignments } from './apply-assignment';
import { drainQueue } from './route-conversation';

/** Capacity may have appeared: route waiting conversations and make the assignments real. */
export async function offerQueuedWork(): Promise<void> {
  try {
    await applyAssignments(await drainQueue());
  } catch (error) {
    console.error('Routing the queue failed', error);
  }
}
