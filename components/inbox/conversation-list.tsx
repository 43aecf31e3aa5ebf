'use client';

import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useDeferredValue, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useViewersByConversation } from '@/components/collision/use-viewers';
import { isSnoozed } from '@/lib/conversations/conversation-marks';
import { filterConversations, type InboxTab } from './conversation-filter';
import { useInboxMarks } from './conversation-marks-context';
import { ConversationRow } from './conversation-row';
import { useInbox } from './inbox-context';
import { QueueList } from './queue-list';
import { SearchResults } from './search-results';
import { useConversationSearch } from './use-conversation-search';
import { useNow } from './use-now';
import { useQueue } from './use-queue';
import { useSelectedConversationSid } from './use-selected-conversation';

const NOTHING = {};
const EMPTY_TAB: Record<InboxTab, string> = { open: 'No open conversations.', snoozed: 'Nothing snoozed.', closed: 'No closed conversations.', queue: '' };
const LIST_LABELS: Record<InboxTab, string> = { open: 'Open conversations', snoozed: 'Snoozed conversations', closed: 'Closed conversations', queue: 'Waiting conversations' };

const TABS: { id: InboxTab; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'snoozed', label: 'Snoozed' },
  { id: 'closed', label: 'Closed' },
  { id: 'queue', label: 'Queue' },
];

export function ConversationList({ actions }: { actions?: React.ReactNode }) {
  const conversations = useInbox((state) => state.conversations);
  const previews = useInbox((state) => state.previews);
  const threads = useInbox((state) => state.threads);
  const ready = useInbox((state) => state.ready);
  const identity = useInbox((state) => state.identity);
  const viewersByConversation = useViewersByConversation(identity);
  const selectedSid = useSelectedConversationSid();
  const router = useRouter();
  const now = useNow();
  const [tab, setTab] = useState<InboxTab>('open');
  const [query, setQuery] = useState('');
  const [labelFilter, setLabelFilter] = useState('');
  const { value: inboxMarks } = useInboxMarks();
  const marks = inboxMarks.marks;
  const deferredQuery = useDeferredValue(query);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const queue = useQueue(tab === 'queue');
  const listElement = useRef<HTMLDivElement>(null);
  // The server searches everything the user may see (messages, notes, names, labels); until it
  // answers, the conversations this tab already holds are filtered here.
  const search = useConversationSearch(query);
  const serverResults = search?.results ?? null;

  const counts = useMemo(() => {
    let closed = 0;
    let snoozed = 0;
    let provisional = 0;
    for (const conversation of Object.values(conversations)) {
      if (conversation.state === 'closed') closed++;
      else if (isSnoozed(marks[conversation.sid])) snoozed++;
      if (conversation.provisional) provisional++;
    }
    return { open: Object.keys(conversations).length - closed - snoozed, snoozed, closed, provisional };
  }, [conversations, marks]);
  // Previews and loaded threads only matter to a search: without one, they change constantly
  // (rows scrolling into view, the open thread) and must not re-sort the whole list.
  const searching = deferredQuery.trim() !== '';
  const searchPreviews = searching ? previews : NOTHING;
  const searchThreads = searching ? threads : NOTHING;
  const rows = useMemo(() => {
    const matching = filterConversations(conversations, searchPreviews, searchThreads, tab, deferredQuery);
    // A snoozed conversation is out of Open until it comes back; the label filter narrows any tab.
    return matching.filter(
      (conversation) =>
        (tab === 'closed' || isSnoozed(marks[conversation.sid]) === (tab === 'snoozed')) && (!labelFilter || Boolean(marks[conversation.sid]?.labelIds.includes(labelFilter))),
    );
  }, [conversations, searchPreviews, searchThreads, tab, deferredQuery, marks, labelFilter]);

  // Arrow keys move between rows (scrolling the virtual list), Enter opens, Home/End jump.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const keys: Record<string, (current: number) => number> = {
      ArrowDown: (current) => Math.min(rows.length - 1, current + 1),
      ArrowUp: (current) => Math.max(0, current - 1),
      Home: () => 0,
      End: () => rows.length - 1,
    };
    const move = keys[event.key];
    if (!move || rows.length === 0) return;
    event.preventDefault();
    const focused = Number((document.activeElement as HTMLElement | null)?.dataset.rowIndex ?? -1);
    const selected = rows.findIndex((row) => row.sid === selectedSid);
    const target = move(focused >= 0 ? focused : selected);
    const focusTarget = () => listElement.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`)?.focus();
    // A row already rendered is focused at once; otherwise the list scrolls to it first.
    if (listElement.current?.querySelector(`[data-row-index="${target}"]`)) focusTarget();
    virtuoso.current?.scrollIntoView({ index: target, done: focusTarget });
  }

  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col border-r border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-2 px-3 pt-3">
        <h1 className="text-base font-semibold">
          Inbox
          {!ready || counts.provisional > 0 ? (
            <span role="status" className="ml-2 text-xs font-normal text-slate-500" data-testid="syncing">
              Syncing…
            </span>
          ) : null}
        </h1>
        <div className="flex items-center gap-1">{actions}</div>
      </div>
      <div role="tablist" aria-label="Conversation state" className="mt-2 flex flex-wrap gap-0.5 px-3">
        {TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            onClick={() => setTab(item.id)}
            className={`rounded-md px-2 py-1 text-sm ${tab === item.id ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
          >
            {item.label}
            {item.id === 'queue' ? (queue?.length ? <span className="ml-1 text-xs">({queue.length})</span> : null) : (
              <span className="ml-1 text-xs tabular-nums opacity-70" data-testid={`${item.id}-count`}>{counts[item.id].toLocaleString('en-US')}</span>
            )}
          </button>
        ))}
      </div>
      <div className="flex flex-col gap-1.5 px-3 py-2">
        <input
          type="search"
          aria-label="Search conversations"
          placeholder="Search name, number or text"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const first = serverResults ? serverResults[0]?.conversationSid : rows[0]?.sid;
            if (event.key === 'Enter' && first) router.push(`/inbox/${first}`);
          }}
          className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        {inboxMarks.labels.length > 0 && tab !== 'queue' && !serverResults ? (
          <select
            aria-label="Filter by label"
            value={labelFilter}
            onChange={(event) => setLabelFilter(event.target.value)}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
          >
            <option value="">All labels</option>
            {inboxMarks.labels.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <div ref={listElement} className="flex min-h-0 flex-1 flex-col" onKeyDown={onKeyDown}>
        {serverResults ? (
          <SearchResults results={serverResults} selectedSid={selectedSid} />
        ) : tab === 'queue' ? (
          <QueueList queue={queue} selectedSid={selectedSid} />
        ) : rows.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-slate-500">
            {!ready ? 'Loading conversations…' : query || labelFilter ? 'No conversations match.' : EMPTY_TAB[tab]}
          </p>
        ) : (
          <Virtuoso
            style={{ height: '100%' }}
            ref={virtuoso}
            data={rows}
            computeItemKey={(_, conversation) => conversation.sid}
            itemContent={(index, conversation) => (
              <ConversationRow
                conversation={conversation}
                preview={previews[conversation.sid]}
                isSelected={conversation.sid === selectedSid}
                now={now}
                index={index}
                viewers={viewersByConversation.get(conversation.sid)}
                marks={marks[conversation.sid]}
                labels={inboxMarks.labels}
              />
            )}
            aria-label={LIST_LABELS[tab]}
            data-testid="conversation-list"
          />
        )}
      </div>
    </nav>
  );
}
