'use client';

import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { ArrowDown } from 'lucide-react';
import { authorName, conversationChannel, isPhoneAuthor } from '@/lib/inbox/conversation-view';
import type { PendingMessage } from '@/lib/inbox/inbox-state';
import { CollisionNotice } from '@/components/collision/collision-notice';
import { usePresenceReporter } from '@/components/collision/use-viewers';
import { useNotes } from '@/components/notes/use-notes';
import { Composer } from './composer';
import { HandoffNotice } from './handoff-notice';
import { useInbox, useInboxController } from './inbox-context';
import { MessageBubble } from './message-bubble';
import { type MessageSource, MessageSourceContext } from './message-source';
import { PendingBubble } from './pending-bubble';
import { ThreadHeader } from './thread-header';
import { ThreadRowView } from './thread-row-view';
import { buildThreadRows, seenByIndex, type ThreadRow } from './thread-rows';
import { TypingIndicator } from './typing-indicator';
import { useFirstItemIndex } from './use-first-item-index';
import { useNow } from './use-now';
import { useVisibleReadHorizon } from './use-visible-read-horizon';
import { WhatsAppComposerGate } from './whatsapp-composer-gate';

const NO_PENDING: PendingMessage[] = [];
// Stable empties keep the memoized bubbles from re-rendering.
const NO_READERS: string[] = [];

export function ThreadView({ sid }: { sid: string }) {
  const controller = useInboxController();
  const conversation = useInbox((state) => state.conversations[sid]);
  const thread = useInbox((state) => state.threads[sid]);
  const pending = useInbox((state) => state.pending[sid] ?? NO_PENDING);
  const participants = useInbox((state) => state.participants[sid]);
  const userNames = useInbox((state) => state.userNames);
  const identity = useInbox((state) => state.identity);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [atBottom, setAtBottom] = useState(true);
  // The newest message when the agent scrolled up: later ones from others are "new".
  const [lastSeenIndex, setLastSeenIndex] = useState<number | null>(null);
  const now = useNow(60_000);
  const [loadError, setLoadError] = useState<string | null>(null);
  const virtuoso = useRef<VirtuosoHandle>(null);

  const isKnown = Boolean(conversation);
  useEffect(() => {
    if (!isKnown) return;
    controller.openThread(sid).catch((error: unknown) => setLoadError(error instanceof Error ? error.message : 'Could not load messages.'));
  }, [controller, sid, isKnown]);

  const { notes, addNote } = useNotes(sid);
  const { onTyping: reportTyping } = usePresenceReporter(sid);
  const rows = useMemo(
    () => buildThreadRows({ messages: thread?.messages ?? [], pending, notes, hasOlder: thread?.hasOlder ?? true }),
    [thread?.messages, thread?.hasOlder, pending, notes],
  );
  const firstItemIndex = useFirstItemIndex(rows);
  const seenBy = useMemo(() => {
    const horizons = Object.values(participants ?? {})
      .filter((p) => p.type === 'chat' && p.identity && p.identity !== identity && p.lastReadMessageIndex !== null)
      .map((p) => ({ identity: p.identity!, lastReadMessageIndex: p.lastReadMessageIndex! }));
    const readers = seenByIndex(thread?.messages ?? [], horizons);
    return new Map([...readers].map(([index, identities]) => [index, identities.map((reader) => userNames[reader] ?? reader)]));
  }, [participants, thread?.messages, identity, userNames]);
  // Delivery to phones is shown when the conversation has SMS/WhatsApp participants.
  const hasPhoneRecipients =
    Object.values(participants ?? {}).some((p) => p.type !== 'chat') || (conversation ? conversationChannel(conversation) !== 'chat' : false);

  const unseenCount =
    atBottom || lastSeenIndex === null
      ? 0
      : (thread?.messages.filter((message) => message.index > lastSeenIndex && message.author !== identity).length ?? 0);
  const onAtBottomChange = useCallback(
    (bottom: boolean) => {
      setAtBottom(bottom);
      if (!bottom) setLastSeenIndex(controller.store.getState().threads[sid]?.messages.at(-1)?.index ?? null);
    },
    [controller, sid],
  );

  const markRead = useCallback((index: number) => controller.markRead(sid, index), [controller, sid]);
  const newestIndex = thread?.messages.at(-1)?.index ?? null;
  const source = useMemo<MessageSource>(
    () => ({ mediaUrl: (messageSid, mediaSid) => controller.mediaUrl(messageSid, mediaSid), receipts: (messageSid) => controller.deliveryReceipts(messageSid) }),
    [controller],
  );
  const onVisibleRange = useVisibleReadHorizon(markRead);
  // At the bottom, a message that replaces an optimistic row (or arrives without the visible
  // range changing) is on screen too.
  useEffect(() => {
    if (atBottom && newestIndex !== null) onVisibleRange(newestIndex);
  }, [atBottom, newestIndex, onVisibleRange]);

  const scrollToBottom = useCallback(() => virtuoso.current?.scrollToIndex({ index: 'LAST', behavior: 'smooth' }), []);
  const send = useCallback(
    (body: string, attachments: File[]) => {
      void controller.send(sid, body, attachments);
      // Your own message always brings you to the bottom.
      requestAnimationFrame(() => virtuoso.current?.scrollToIndex({ index: 'LAST' }));
    },
    [controller, sid],
  );

  // The screen shows this view only for conversations in the store; they can leave it (closed
  // by someone else, transferred away) while it is open.
  if (!conversation) {
    return (
      <div className="flex h-full items-center justify-center p-8 text-sm text-slate-500" role="status">
        This conversation is no longer in your inbox.
      </div>
    );
  }

  const channel = conversationChannel(conversation);
  const renderRow = (_: number, row: ThreadRow) => (
    <ThreadRowView row={row} now={now}>
      {row.kind === 'message' ? (
        <MessageBubble
          message={row.message}
          isOwn={row.message.author === identity}
          authorName={authorName(row.message.author, conversation, userNames)}
          showsDelivery={hasPhoneRecipients && !isPhoneAuthor(row.message.author)}
          seenBy={seenBy.get(row.message.index) ?? NO_READERS}
        />
      ) : row.kind === 'pending' ? (
        <PendingBubble
          pending={row.pending}
          onRetry={() => void controller.retry(sid, row.pending.clientKey)}
          onDiscard={() => controller.discard(sid, row.pending.clientKey)}
        />
      ) : null}
    </ThreadRowView>
  );

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) setFiles((current) => [...current, ...Array.from(event.dataTransfer.files)]);
  };

  return (
    <MessageSourceContext.Provider value={source}>
    <section
      aria-label="Conversation"
      className="relative flex h-full min-h-0 flex-col bg-slate-50"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="thread"
    >
      <ThreadHeader conversation={conversation} />
      <HandoffNotice sid={sid} />
      <CollisionNotice conversationSid={sid} selfId={identity} />
      <div className="relative min-h-0 flex-1">
        {loadError ? <p role="alert" className="p-4 text-sm text-red-700">{loadError}</p> : null}
        {thread?.loaded ? (
          <Virtuoso
            style={{ height: '100%' }}
            ref={virtuoso}
            data={rows}
            firstItemIndex={firstItemIndex}
            initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
            computeItemKey={(_, row) => row.key}
            itemContent={renderRow}
            alignToBottom
            followOutput={(isAtBottom) => (isAtBottom ? 'auto' : false)}
            atBottomStateChange={onAtBottomChange}
            atBottomThreshold={48}
            startReached={() => {
              if (thread.hasOlder) void controller.loadOlder(sid);
            }}
            rangeChanged={({ endIndex }) => {
              // Virtuoso reports indices offset by firstItemIndex; the newest message on screen
              // is the last message row at or above the bottom edge.
              let i = Math.min(rows.length - 1, endIndex >= firstItemIndex ? endIndex - firstItemIndex : endIndex);
              while (i >= 0 && rows[i]!.kind !== 'message') i--;
              const row = rows[i];
              onVisibleRange(row?.kind === 'message' ? row.message.index : null);
            }}
            components={{
              Header: () =>
                thread.loadingOlder ? <p className="py-2 text-center text-xs text-slate-500">Loading earlier messages…</p> : <div className="h-2" />,
            }}
            // A named region (a name alone is not allowed on a plain div, and an empty thread shows it).
            role="region"
            aria-label="Messages"
            data-testid="message-list"
          />
        ) : (
          <p className="p-6 text-center text-sm text-slate-500" role="status">Loading messages…</p>
        )}
        {unseenCount > 0 && !atBottom ? (
          <button
            type="button"
            onClick={scrollToBottom}
            className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1 rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow-md"
          >
            {unseenCount === 1 ? '1 new message' : `${unseenCount} new messages`}
            <ArrowDown aria-hidden className="h-3.5 w-3.5" />
          </button>
        ) : null}
        {dragging ? (
          <div className="pointer-events-none absolute inset-0 flex items-center justify-center border-2 border-dashed border-indigo-400 bg-indigo-50/80 text-sm font-medium text-indigo-800">
            Drop files to attach
          </div>
        ) : null}
      </div>
      <TypingIndicator sid={sid} />
      <WhatsAppComposerGate
        sid={sid}
        channel={channel}
        closed={conversation.state === 'closed'}
        messages={thread?.messages}
        customerAddress={conversation.switchboard?.customer?.address ?? null}
        customerName={conversation.switchboard?.customer?.name ?? null}
        agentName={identity ? (userNames[identity] ?? null) : null}
      >
        {(replyBlockedReason) => (
          <Composer
            replyBlockedReason={replyBlockedReason}
            channel={channel}
            closed={conversation.state === 'closed'}
            files={files}
            onFilesChange={setFiles}
            onSend={send}
            onAddNote={addNote}
            variables={{ 'contact.name': conversation.switchboard?.customer?.name, 'agent.name': identity ? userNames[identity] : null }}
            onTyping={() => {
              controller.typing(sid);
              reportTyping();
            }}
          />
        )}
      </WhatsAppComposerGate>
    </section>
    </MessageSourceContext.Provider>
  );
}
