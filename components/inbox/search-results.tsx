'use client';

import Link from 'next/link';
import { channelFromIndex } from '@/lib/conversations/conversation-descriptor';
import { displayAddress } from '@/lib/conversations/phone-address';
import { relativeTime } from '@/lib/inbox/format';
import type { SearchResult } from '@/lib/search/search-conversations';
import { ChannelBadge } from './channel-badge';
import { HighlightedText } from './highlighted-text';
import { useNow } from './use-now';
import { openConversationInPlace } from './use-selected-conversation';

const SOURCE_LABELS: Record<SearchResult['source'], string> = { message: 'Message', note: 'Note', customer: 'Customer', label: 'Label' };

/** The server's answer to a search: one row per conversation, the matching words marked. */
export function SearchResults({ results, selectedSid }: { results: SearchResult[]; selectedSid?: string }) {
  const now = useNow();
  if (results.length === 0) return <p className="px-4 py-6 text-center text-sm text-slate-500">No conversations match.</p>;
  return (
    <ul aria-label="Search results" className="min-h-0 flex-1 overflow-y-auto">
      {results.map((result) => (
        <li key={result.conversationSid}>
          <Link
            href={`/inbox/${result.conversationSid}`}
            onClick={(event) => openConversationInPlace(event, result.conversationSid)}
            aria-current={result.conversationSid === selectedSid ? 'page' : undefined}
            data-testid={`search-result-${result.conversationSid}`}
            className={`flex flex-col gap-1 border-b border-slate-100 px-3 py-2.5 hover:bg-slate-50 ${result.conversationSid === selectedSid ? 'bg-indigo-50' : ''}`}
          >
            <div className="flex items-center gap-2">
              <ChannelBadge channel={channelFromIndex(result.channel)} />
              <span className="min-w-0 flex-1 truncate text-sm font-medium">
                {result.customerName ?? (result.customerAddress ? displayAddress(result.customerAddress) : 'Customer')}
              </span>
              {result.state === 'CLOSED' ? <span className="shrink-0 text-[11px] uppercase tracking-wide text-slate-500">closed</span> : null}
              <time className="shrink-0 text-xs text-slate-500" dateTime={result.lastActivityAt}>
                {relativeTime(Date.parse(result.lastActivityAt), now)}
              </time>
            </div>
            <p className="line-clamp-2 text-xs text-slate-600" data-testid="search-snippet">
              <span className="font-medium text-slate-500">{SOURCE_LABELS[result.source]}:</span>{' '}
              {result.snippet ? <HighlightedText snippet={result.snippet} /> : null}
            </p>
            {result.assigneeName ? <p className="truncate text-[11px] text-slate-500">Assigned to {result.assigneeName}</p> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
