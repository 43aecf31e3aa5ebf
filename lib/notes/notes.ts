import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { conversationAudience } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';
import { zSafeText } from '@/lib/text/control-characters';

export const ZNote = z.object({ body: zSafeText().trim().min(1, 'Write the note.').max(4000, 'Keep notes under 4,000 characters.') }).strict();

export type NoteView = { id: string; body: string; authorId: string; authorName: string; createdAt: string };

// Private notes live only in Switchboard's database: nothing here reaches Twilio or a phone.

export async function listNotes(conversationSid: string): Promise<NoteView[]> {
  const notes = await db.note.findMany({
    where: { conversationSid },
    orderBy: { createdAt: 'asc' },
    take: 500,
    select: { id: true, body: true, authorId: true, createdAt: true, author: { select: { name: true } } },
  });
  return notes.map((note) => ({ id: note.id, body: note.body, authorId: note.authorId, authorName: note.author.name, createdAt: note.createdAt.toISOString() }));
}

/** The caller has checked the author may write here (which also proves the conversation exists). */
export async function addNote({ author, conversationSid, body }: { author: CurrentUser; conversationSid: string; body: string }): Promise<NoteView> {
  // A note can be the first thing Switchboard records about a conversation made elsewhere.
  const indexed = await db.conversationIndex.upsert({ where: { sid: conversationSid }, create: { sid: conversationSid }, update: {}, select: { assigneeId: true, queuedAt: true } });
  const note = await db.note.create({ data: { conversationSid, authorId: author.id, body }, select: { id: true, createdAt: true } });
  // Those who may see the conversation hear it; whoever shows it fetches the note.
  const audience = conversationAudience({ conversationSid, assigneeIds: [indexed.assigneeId], queued: indexed.queuedAt !== null });
  await publishLiveEventAfterWrite({ kind: 'note.added', data: { conversationSid, noteId: note.id }, audience });
  return { id: note.id, body, authorId: author.id, authorName: author.name, createdAt: note.createdAt.toISOString() };
}
