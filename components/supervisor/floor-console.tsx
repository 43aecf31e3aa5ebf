'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { TransferDialog } from '@/components/transfers/transfer-dialog';
import { useNow } from '@/components/inbox/use-now';
import type { FloorConversation } from '@/lib/supervision/floor-overview';
import { withServiceLevels } from '@/lib/supervision/floor-service-levels';
import { isBreaching } from '@/lib/supervision/service-levels';
import { AgentsPanel } from './agents-panel';
import { AttentionPanel } from './attention-panel';
import { ConversationsTable } from './conversations-table';
import { ServiceLevelSettings } from './service-level-settings';
import { useFloorOverview } from './use-floor-overview';

type Filter = 'all' | 'queue' | 'breaching';
type Channel = 'ALL' | FloorConversation['channel'];

/** The supervisor's floor: the team, the queue, and every open conversation, live. */
export function FloorConsole({ viewerId }: { viewerId: string }) {
  const { overview, error, refresh } = useFloorOverview();
  const now = useNow(5_000);
  const [filter, setFilter] = useState<Filter>('all');
  const [channel, setChannel] = useState<Channel>('ALL');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [transferring, setTransferring] = useState<FloorConversation | null>(null);

  const conversations = useMemo(() => (overview ? withServiceLevels(overview.conversations, overview.targets, now) : []), [overview, now]);
  const visible = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return conversations.filter(
      (c) =>
        (filter === 'all' || (filter === 'queue' ? c.queuedAt !== null : isBreaching(c))) &&
        (channel === 'ALL' || c.channel === channel) &&
        (!agentId || c.assignee?.id === agentId) &&
        (!needle || `${c.customer} ${c.twilioNumber ?? ''} ${c.assignee?.name ?? ''} ${c.lastMessagePreview ?? ''}`.toLowerCase().includes(needle)),
    );
  }, [conversations, filter, channel, agentId, deferredQuery]);

  if (!overview) return <p role="status" className="p-6 text-sm text-slate-500">{error ?? 'Loading the floor…'}</p>;
  const queued = conversations.filter((c) => c.queuedAt !== null).length;
  const breaching = conversations.filter(isBreaching).length;
  const available = overview.agents.filter((a) => a.role === 'AGENT' && a.online && a.availability === 'AVAILABLE').length;

  return (
    <div className="flex flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold">Supervisor console</h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {conversations.length} open · <span data-testid="queue-count">{queued}</span> waiting · {breaching} over target · {available} agents available
            {overview.attention.count > 0 ? ` · ${overview.attention.count} need attention` : ''}
          </p>
        </div>
        <ServiceLevelSettings targets={overview.targets} onSaved={refresh} />
      </div>
      {error ? <p role="status" className="text-xs text-amber-700">{error}</p> : null}
      <AttentionPanel attention={overview.attention} seenUntil={overview.generatedAt} onAcknowledged={refresh} />
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <AgentsPanel agents={overview.agents} onSelect={setAgentId} selectedId={agentId} />
        <section aria-labelledby="conversations-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white">
          <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2">
            <h2 id="conversations-heading" className="mr-2 text-sm font-semibold">Conversations</h2>
            <div role="group" aria-label="Show" className="flex gap-1">
              {(['all', 'queue', 'breaching'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  aria-pressed={filter === option}
                  onClick={() => setFilter(option)}
                  className={`rounded-md px-2 py-1 text-xs ${filter === option ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
                >
                  {option === 'all' ? 'All open' : option === 'queue' ? `Queue (${queued})` : `Over target (${breaching})`}
                </button>
              ))}
            </div>
            <select aria-label="Channel" value={channel} onChange={(event) => setChannel(event.target.value as Channel)} className="rounded-md border border-slate-300 px-2 py-1 text-xs">
              <option value="ALL">All channels</option>
              <option value="SMS">SMS</option>
              <option value="WHATSAPP">WhatsApp</option>
              <option value="CHAT">Chat</option>
              <option value="GROUP">Group</option>
            </select>
            <input
              type="search"
              aria-label="Search conversations"
              placeholder="Search customer, number, agent"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="w-full rounded-md border border-slate-300 px-2 py-1 text-xs sm:ml-auto sm:w-56"
            />
          </div>
          <ConversationsTable conversations={visible} now={now} onTransfer={setTransferring} />
        </section>
      </div>
      {transferring ? (
        <TransferDialog
          conversationSid={transferring.sid}
          currentAssigneeId={transferring.assignee?.id ?? null}
          viewerId={viewerId}
          onClose={() => setTransferring(null)}
          onTransferred={refresh}
        />
      ) : null}
    </div>
  );
}
