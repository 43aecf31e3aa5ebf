import type { Message, Paginator } from '@twilio/conversations';
import type { Store } from './create-store';
import type { InboxState } from './inbox-state';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { mergeOlder, toMessageRecord, toPreview } from './records';
import type { SdkRegistry } from './sdk-registry';

export const THREAD_PAGE_SIZE = 50;

type Context = { store: Store<InboxState>; registry: SdkRegistry };

function register(registry: SdkRegistry, page: Paginator<Message>): MessageRecord[] {
  for (const message of page.items) registry.messages.set(message.sid, message);
  return page.items.map(toMessageRecord);
}

/** Loads the newest page of a thread once; live messages then arrive through events. */
export async function openThread({ store, registry }: Context, sid: string): Promise<void> {
  if (store.getState().threads[sid]?.loaded) return;
  const page = await registry.conversation(sid).getMessages(THREAD_PAGE_SIZE);
  registry.oldestPages.set(sid, page);
  const loaded = register(registry, page);
  store.update((state) => {
    // Messages that arrived while the page was loading are kept.
    const live = state.threads[sid]?.messages ?? [];
    const messages = [...loaded.filter((m) => !live.some((l) => l.index === m.index)), ...live].sort((a, b) => a.index - b.index);
    return { ...state, threads: { ...state.threads, [sid]: { messages, hasOlder: page.hasPrevPage, loadingOlder: false, loaded: true } } };
  });
}

/** Prepends the previous page of history (scrolling up). */
export async function loadOlder({ store, registry }: Context, sid: string): Promise<void> {
  const thread = store.getState().threads[sid];
  const page = registry.oldestPages.get(sid);
  if (!thread || !page || !page.hasPrevPage || thread.loadingOlder) return;
  const setLoading = (loadingOlder: boolean) =>
    store.update((state) => ({ ...state, threads: { ...state.threads, [sid]: { ...state.threads[sid]!, loadingOlder } } }));
  setLoading(true);
  try {
    const older = await page.prevPage();
    registry.oldestPages.set(sid, older);
    const records = register(registry, older);
    store.update((state) => {
      const current = state.threads[sid];
      if (!current) return state;
      return {
        ...state,
        threads: { ...state.threads, [sid]: { ...current, messages: mergeOlder(current.messages, records), hasOlder: older.hasPrevPage, loadingOlder: false } },
      };
    });
  } catch (error) {
    setLoading(false);
    throw error;
  }
}

/** The list shows each conversation's last message; fetched for rows as they scroll into view. */
export async function ensurePreview({ store, registry }: Context, sid: string): Promise<void> {
  const state = store.getState();
  const conversation = state.conversations[sid];
  if (!conversation || conversation.lastMessageIndex === null || registry.previewRequests.has(sid)) return;
  if ((state.previews[sid]?.index ?? -1) >= conversation.lastMessageIndex) return;
  registry.previewRequests.add(sid);
  try {
    const page = await registry.conversation(sid).getMessages(1);
    const last = page.items[page.items.length - 1];
    if (!last) return;
    const preview = toPreview(toMessageRecord(last));
    store.update((current) =>
      (current.previews[sid]?.index ?? -1) >= preview.index ? current : { ...current, previews: { ...current.previews, [sid]: preview } },
    );
  } finally {
    registry.previewRequests.delete(sid);
  }
}
