'use client';

import { type FormEvent, useState } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ContactSummary, ContactView } from '@/lib/contacts/contact-schemas';
import { channelLabel } from '@/lib/conversations/conversation-descriptor';
import { displayAddress } from '@/lib/conversations/phone-address';
import { EarlierConversation } from './earlier-conversation';
import { InlineField } from './inline-field';
import { MemoryProfileSection } from './memory-profile-section';

type Props = {
  conversationSid: string;
  /** Opens "New conversation" for this person (absent where starting one is not offered). */
  onStartConversation?: (contact: ContactView) => void;
  /** Said when there is no contact to show (a group, a team chat, or one this user may not see). */
  emptyText?: string;
};

/**
 * The person behind a conversation: their name (edited in place), every address, email and
 * details, the team's notes about them, and every conversation with them — readable from here.
 * Kept current by the live stream (a rename, a note or a merge anywhere).
 */
export function ContactPanel({ conversationSid, onStartConversation, emptyText }: Props) {
  const { value, refresh } = useLiveResource(
    () => apiFetch<{ contact: ContactView | null }>(`/api/conversations/${conversationSid}/contact`).then((result) => result.contact),
    {
      key: conversationSid,
      refetchOn: (event) =>
        event.kind === 'contact.updated' ||
        event.kind === 'note.added' ||
        (event.kind === 'conversation.updated' && event.data.conversationSid === conversationSid),
    },
  );
  const contact = value ?? null;
  if (!contact) return value === null && emptyText ? <p className="text-xs text-slate-500">{emptyText}</p> : null;

  const patch = (body: object) => apiFetch(`/api/contacts/${contact.id}`, { method: 'PATCH', body }).then(refresh);
  const earlier = contact.timeline.filter((entry) => entry.conversationSid !== conversationSid);
  return (
    <section aria-label="Contact" className="flex flex-col gap-3" data-testid="contact-panel">
      <div className="flex flex-col gap-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Contact</h3>
        <InlineField label="Customer name" value={contact.name} placeholder="Add a name" onSave={(name) => patch({ name })} className="text-base font-semibold" />
        <ul aria-label="Addresses" className="flex flex-col gap-0.5 text-xs text-slate-600">
          {contact.addresses.map((entry) => (
            <li key={entry.address} title={entry.address}>
              {channelLabel(entry.channel)} · {entry.channel === 'chat' ? entry.address : displayAddress(entry.address)}
            </li>
          ))}
        </ul>
        <div className="flex items-center gap-2 text-xs text-slate-500">
          <span aria-hidden>Email</span>
          <InlineField label="Email" value={contact.email} placeholder="Add an email" onSave={(email) => patch({ email })} className="text-sm text-slate-800" />
        </div>
      </div>
      <ContactDetails attributes={contact.attributes} onSave={(attributes) => patch({ attributes })} />
      <MemoryProfileSection contactId={contact.id} profile={contact.memoryProfile} onRefreshed={refresh} />
      <ContactNotes contact={contact} onAdded={refresh} />
      <section aria-labelledby="contact-history-heading">
        <h3 id="contact-history-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Earlier conversations ({earlier.length})
        </h3>
        {earlier.length === 0 ? <p className="mt-1 text-xs text-slate-500">None yet.</p> : null}
        <ul className="mt-1.5 flex flex-col gap-1.5">
          {earlier.map((entry) => (
            <EarlierConversation key={entry.conversationSid} entry={entry} customerName={contact.name} />
          ))}
        </ul>
      </section>
      <MergeContacts contact={contact} onChanged={refresh} />
      {onStartConversation ? (
        <Button variant="secondary" className="w-full" onClick={() => onStartConversation(contact)}>
          Start conversation
        </Button>
      ) : null}
    </section>
  );
}

function ContactDetails({ attributes, onSave }: { attributes: Record<string, string>; onSave: (attributes: Record<string, string>) => Promise<unknown> }) {
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const key = String(data.get('key') ?? '').trim();
    const value = String(data.get('value') ?? '').trim();
    if (!key) return;
    try {
      setError(null);
      await onSave({ ...attributes, [key]: value });
      form.reset();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Not saved.');
    }
  };
  return (
    <section aria-label="Details about the customer" className="flex flex-col gap-1 text-xs">
      <dl className="grid grid-cols-[auto_1fr_auto] gap-x-2 gap-y-0.5">
        {Object.entries(attributes).map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-500">{key}</dt>
            <dd className="truncate">{value}</dd>
            <button
              type="button"
              aria-label={`Remove ${key}`}
              className="text-slate-500 hover:text-red-700"
              onClick={() => void onSave(Object.fromEntries(Object.entries(attributes).filter(([other]) => other !== key)))}
            >
              ×
            </button>
          </div>
        ))}
      </dl>
      <form onSubmit={(event) => void add(event)} className="flex gap-1">
        <input name="key" aria-label="Detail" placeholder="Detail" className="w-20 rounded border border-slate-300 px-1.5 py-0.5" />
        <input name="value" aria-label="Value" placeholder="Value" className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5" />
        <Button type="submit" variant="ghost" className="px-1.5 py-0.5 text-xs">Add</Button>
      </form>
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
    </section>
  );
}

function ContactNotes({ contact, onAdded }: { contact: ContactView; onAdded: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    try {
      setError(null);
      await apiFetch(`/api/contacts/${contact.id}/notes`, { body: { body } });
      setBody('');
      onAdded();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The note was not saved.');
    }
  };
  return (
    <section aria-labelledby="contact-notes-heading" className="flex flex-col gap-1 text-xs">
      <h3 id="contact-notes-heading" className="font-semibold uppercase tracking-wide text-slate-500">Notes about this person</h3>
      <ul className="flex flex-col gap-1">
        {contact.notes.map((note) => (
          <li key={note.id} className="rounded bg-amber-50 px-2 py-1 text-amber-950">
            <p className="whitespace-pre-wrap break-words">{note.body}</p>
            <span className="text-[11px] text-amber-800">{note.authorName} · {new Date(note.createdAt).toLocaleDateString()}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void add(event)} className="flex gap-1">
        <input value={body} onChange={(event) => setBody(event.target.value)} aria-label="About this person" placeholder="A note only your team sees" className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5" />
        <Button type="submit" variant="ghost" className="px-1.5 py-0.5 text-xs">Save note</Button>
      </form>
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
    </section>
  );
}

function MergeContacts({ contact, onChanged }: { contact: ContactView; onChanged: () => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContactSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const act = async (action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'That did not work.');
    } finally {
      setPending(false);
    }
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const found = await apiFetch<{ contacts: ContactSummary[] }>(`/api/contacts?q=${encodeURIComponent(query)}`);
      setResults(found.contacts.filter((other) => other.id !== contact.id));
    });
  };
  return (
    <section aria-labelledby="contact-merge-heading" className="flex flex-col gap-1 text-xs">
      <h3 id="contact-merge-heading" className="font-semibold uppercase tracking-wide text-slate-500">Same person elsewhere?</h3>
      <form onSubmit={search} className="flex gap-1">
        <input value={query} onChange={(event) => setQuery(event.target.value)} aria-label="Find a contact to merge" placeholder="Name or number" className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5" />
        <Button type="submit" variant="ghost" className="px-1.5 py-0.5 text-xs" disabled={pending || query.trim().length < 2}>Find</Button>
      </form>
      {results ? (
        <ul aria-label="Contacts to merge" className="flex flex-col gap-1">
          {results.length === 0 ? <li className="text-slate-500">No other contact found.</li> : null}
          {results.map((other) => (
            <li key={other.id} className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate" title={other.addresses.join(', ')}>
                {other.name ?? 'Unnamed'} · {other.addresses.map(displayAddress).join(', ')}
              </span>
              <Button
                variant="secondary"
                className="px-1.5 py-0.5 text-xs"
                disabled={pending}
                onClick={() => void act(async () => {
                  await apiFetch(`/api/contacts/${contact.id}/merge`, { body: { otherContactId: other.id } });
                  setResults(null);
                  setQuery('');
                })}
              >
                Merge
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {contact.undoableMergeId ? (
        <Button variant="ghost" className="self-start px-1.5 py-0.5 text-xs" disabled={pending} onClick={() => void act(() => apiFetch(`/api/contacts/merges/${contact.undoableMergeId}/undo`, { method: 'POST' }))}>
          Undo the last merge
        </Button>
      ) : null}
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
    </section>
  );
}
