import type { Store } from './create-store';
import type { InboxState } from './inbox-state';
import type { SdkRegistry } from './sdk-registry';
import { withPending } from './state-updates';
import { observeUploads } from './upload-progress';

type Context = { store: Store<InboxState>; registry: SdkRegistry };

/**
 * Shows the message at once as "sending", then sends it with the SDK. The server's copy
 * carries the same client key in its attributes and replaces the optimistic one when it
 * arrives; a failure keeps it on screen with the reason and a retry — never lost silently.
 */
export function sendMessage(context: Context, sid: string, body: string, files: File[]): Promise<void> {
  const clientKey = crypto.randomUUID();
  context.registry.pendingFiles.set(clientKey, files);
  context.store.update((state) => ({
    ...state,
    pending: {
      ...state.pending,
      [sid]: [
        ...(state.pending[sid] ?? []),
        {
          clientKey,
          body,
          attachments: files.map((file, i) => ({ id: `${clientKey}-${i}`, name: file.name, size: file.size, contentType: file.type })),
          createdAt: Date.now(),
          status: 'sending',
          progress: files.length > 0 ? 0 : null,
          error: null,
        },
      ],
    },
  }));
  return deliver(context, sid, clientKey);
}

export function retryMessage(context: Context, sid: string, clientKey: string): Promise<void> {
  const sent = context.store.getState().threads[sid]?.messages.some((message) => message.clientKey === clientKey);
  // It reached the server after all (the error was the answer, not the send): nothing to do.
  if (sent) {
    discardMessage(context, sid, clientKey);
    return Promise.resolve();
  }
  context.store.update((state) => withPending(state, sid, clientKey, { status: 'sending', error: null }));
  return deliver(context, sid, clientKey);
}

export function discardMessage({ store, registry }: Context, sid: string, clientKey: string): void {
  registry.pendingFiles.delete(clientKey);
  store.update((state) => withPending(state, sid, clientKey, null));
}

async function deliver({ store, registry }: Context, sid: string, clientKey: string): Promise<void> {
  const pending = store.getState().pending[sid]?.find((p) => p.clientKey === clientKey);
  if (!pending) return;
  const files = registry.pendingFiles.get(clientKey) ?? [];
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const stopObserving = files.length
    ? observeUploads(totalBytes, (progress) => store.update((state) => withPending(state, sid, clientKey, { progress })))
    : () => {};
  try {
    const builder = registry.conversation(sid).prepareMessage().setAttributes({ clientKey });
    if (pending.body) builder.setBody(pending.body);
    for (const file of files) {
      builder.addMedia({ contentType: file.type || 'application/octet-stream', filename: file.name, media: file });
    }
    await builder.build().send();
    registry.pendingFiles.delete(clientKey);
    store.update((state) => withPending(state, sid, clientKey, { progress: files.length ? 1 : null }));
  } catch (error) {
    store.update((state) =>
      withPending(state, sid, clientKey, { status: 'failed', error: describeSendError(error), progress: null }),
    );
  } finally {
    stopObserving();
  }
}

function describeSendError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission|forbidden|403/i.test(message)) return 'You can’t write in this conversation.';
  if (/closed/i.test(message)) return 'The conversation is closed.';
  if (/timeout|network|offline|connect/i.test(message)) return 'No connection. It will be sent when you retry.';
  return message || 'The message could not be sent.';
}
