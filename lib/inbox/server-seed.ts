import type { SeedConversation } from '@/lib/conversations/list-my-conversations';
import type { Store } from './create-store';
import type { InboxState } from './inbox-state';
import { withContactNames } from './state-updates';

/**
 * The list from the server's index, shown while the SDK is still joining the agent's
 * conversations. Anything the SDK already delivered wins; SDK events replace the rest.
 */
export async function seedFromServer(store: Store<InboxState>, { sid }: { sid?: string } = {}): Promise<void> {
  let seed: SeedConversation[];
  try {
    const response = await fetch(sid ? `/api/me/conversations?sid=${encodeURIComponent(sid)}` : '/api/me/conversations', { cache: 'no-store' });
    if (!response.ok) return;
    seed = ((await response.json()) as { conversations: SeedConversation[] }).conversations;
  } catch {
    return; // the SDK will fill the list on its own
  }
  store.update((state) => {
    const conversations = { ...state.conversations };
    const previews = { ...state.previews };
    for (const { record, preview } of seed) {
      if (conversations[record.sid]) continue;
      conversations[record.sid] = record;
      if (preview && !previews[record.sid]) previews[record.sid] = preview;
    }
    // The index names customers by their contact: that name wins over the SDK's attributes.
    const names = Object.fromEntries(seed.flatMap(({ record }) => (record.switchboard?.customer?.address ? [[record.switchboard.customer.address, record.switchboard.customer.name ?? null]] : [])));
    return withContactNames({ ...state, conversations, previews }, names);
  });
}

/** A provisional conversation that moved away before the SDK confirmed it leaves the list. */
export function dropIfProvisional(state: InboxState, sid: string): InboxState {
  if (!state.conversations[sid]?.provisional) return state;
  const { [sid]: _dropped, ...conversations } = state.conversations;
  return { ...state, conversations };
}

/** Provisional conversations the SDK never confirmed (moved away meanwhile) leave the list. */
export function dropUnconfirmed(state: InboxState): InboxState {
  const entries = Object.entries(state.conversations);
  if (!entries.some(([, record]) => record.provisional)) return state;
  return { ...state, conversations: Object.fromEntries(entries.filter(([, record]) => !record.provisional)) };
}
