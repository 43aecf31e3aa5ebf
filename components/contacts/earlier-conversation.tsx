'use client';

import { useState } from 'react';
import { ChannelBadge } from '@/components/inbox/channel-badge';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ContactTimelineEntry } from '@/lib/contacts/contact-schemas';
import type { ConversationForViewer } from '@/lib/conversations/read-conversation';
import type { MessageRecord } from '@/lib/conversations/view-records';
import type { NoteView } from '@/lib/notes/notes';
import { authorName } from '@/lib/inbox/conversation-view';
import { buildConversationRecord } from '@/lib/conversations/conversation-descriptor';

type Transcript = { conversation: ConversationForViewer; messages: MessageRecord[]; notes: NoteView[] };

type Entry = { at: number; key: string; author: string; body: string; isNote: boolean };

/**
 * One conversation in the contact's history, read in place: its messages and the team's notes,
 * in order, authors by name (the customer by the contact's name). Loaded when opened.
 */
export function EarlierConversation({ entry, customerName }: { entry: ContactTimelineEntry; customerName: string | null }) {
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sid = entry.conversationSid;

  const toggle = async () => {
    setOpen((current) => !current);
    if (transcript) return;
    try {
      const [{ conversation }, { messages }, { notes }] = await Promise.all([
        apiFetch<{ conversation: ConversationForViewer }>(`/api/conversations/${sid}`),
        apiFetch<{ messages: MessageRecord[] }>(`/api/conversations/${sid}/messages`),
        apiFetch<{ notes: NoteView[] }>(`/api/conversations/${sid}/notes`),
      ]);
      setTranscript({ conversation, messages, notes });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Could not load it.');
    }
  };

  const entries = transcript ? toEntries(transcript, customerName) : [];
  const label = `${new Date(entry.createdAt).toLocaleDateString()} · ${entry.state}${entry.assignee ? ` · ${entry.assignee}` : ''}`;
  return (
    <li className="rounded-md border border-slate-200" data-testid="contact-history-entry">
      <div className="flex items-center gap-2 px-2 py-1.5">
        <ChannelBadge channel={entry.channel} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-xs text-slate-600">{label}</span>
          {entry.lastMessagePreview ? <span className="block truncate text-xs text-slate-500">{entry.lastMessagePreview}</span> : null}
        </span>
        <Button variant="ghost" className="px-1.5 py-0.5 text-xs" aria-expanded={open} onClick={() => void toggle()}>
          {open ? 'Hide' : 'Read'}
        </Button>
      </div>
      {open ? (
        <ol aria-label={`Conversation of ${new Date(entry.createdAt).toLocaleDateString()}`} className="flex max-h-72 flex-col gap-1.5 overflow-y-auto border-t border-slate-100 px-2 py-2">
          {error ? <li role="alert" className="text-xs text-red-700">{error}</li> : null}
          {!transcript && !error ? <li role="status" className="text-xs text-slate-500">Loading…</li> : null}
          {entries.map((item) => (
            <li key={item.key} className={`rounded px-2 py-1 text-xs ${item.isNote ? 'bg-amber-50 text-amber-950' : 'bg-slate-50'}`}>
              <span className="font-semibold">{item.isNote ? `Note · ${item.author}` : item.author}</span>
              <p className="whitespace-pre-wrap break-words">{item.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function toEntries({ conversation, messages, notes }: Transcript, customerName: string | null): Entry[] {
  const descriptor = conversation.switchboard?.customer && customerName ? { ...conversation.switchboard, customer: { ...conversation.switchboard.customer, name: customerName } } : conversation.switchboard;
  const record = buildConversationRecord({ sid: conversation.sid, friendlyName: conversation.friendlyName, descriptor, state: conversation.state, lastActivityAt: 0, dateCreated: null });
  return [
    ...messages.map((message) => ({
      at: message.dateCreated,
      key: message.sid,
      author: authorName(message.author, record, conversation.people),
      body: message.body ?? (message.media.length ? `(${message.media.length} attachment${message.media.length > 1 ? 's' : ''})` : ''),
      isNote: false,
    })),
    ...notes.map((note) => ({ at: Date.parse(note.createdAt), key: note.id, author: note.authorName, body: note.body, isNote: true })),
  ].sort((a, b) => a.at - b.at);
}
