'use client';

import Link from 'next/link';
import { memo, useEffect } from 'react';
import { AlarmClock, Eye, PenLine } from 'lucide-react';
import { LabelChip } from '@/components/labels/label-chip';
import type { ConversationMarks } from '@/lib/conversations/conversation-marks';
import type { LabelView } from '@/lib/labels/label-schema';
import type { Viewer } from '@/lib/collision/presence-rules';
import { conversationChannel, conversationTitle, unreadCount } from '@/lib/inbox/conversation-view';
import { relativeTime } from '@/lib/inbox/format';
import type { ConversationRecord, Preview } from '@/lib/conversations/view-records';
import { ChannelBadge } from './channel-badge';
import { useInboxController } from './inbox-context';
import { openConversationInPlace } from './use-selected-conversation';

type Props = {
  conversation: ConversationRecord;
  preview: Preview | undefined;
  isSelected: boolean;
  now: number;
  index: number;
  viewers?: Viewer[];
  marks?: ConversationMarks;
  labels?: LabelView[];
};

const WOKE_BECAUSE = { TIME: 'snooze ended', REPLY: 'customer replied', AGENT: 'unsnoozed' } as const;

function previewText(preview: Preview | undefined): string {
  if (!preview) return '';
  if (preview.body) return preview.body;
  if (preview.mediaCount > 0) return preview.mediaCount === 1 ? 'Attachment' : `${preview.mediaCount} attachments`;
  return '';
}

export const ConversationRow = memo(function ConversationRow({ conversation, preview, isSelected, now, index, viewers, marks, labels }: Props) {
  const controller = useInboxController();
  const unread = unreadCount(conversation);
  const title = conversationTitle(conversation);
  const rowLabels = marks?.labelIds.flatMap((id) => labels?.find((label) => label.id === id) ?? []) ?? [];

  // Rows are virtualized: only rows on screen fetch their last message.
  useEffect(() => {
    void controller.ensurePreview(conversation.sid).catch(() => undefined);
  }, [controller, conversation.sid, conversation.lastMessageIndex]);

  return (
    <Link
      href={`/inbox/${conversation.sid}`}
      onClick={(event) => openConversationInPlace(event, conversation.sid)}
      data-row-index={index}
      data-testid={`conversation-row-${conversation.sid}`}
      aria-current={isSelected ? 'page' : undefined}
      className={`flex flex-col gap-1 border-b border-slate-100 px-3 py-2.5 outline-offset-[-2px] hover:bg-slate-50 ${isSelected ? 'bg-indigo-50 hover:bg-indigo-50' : ''}`}
    >
      <div className="flex items-center gap-2">
        <ChannelBadge channel={conversationChannel(conversation)} />
        <span className={`min-w-0 flex-1 truncate text-sm ${unread ? 'font-semibold' : 'font-medium'}`} title={conversation.switchboard?.customer?.address}>{title}</span>
        <time className={`shrink-0 text-xs ${isSelected ? 'text-slate-600' : 'text-slate-500'}`} dateTime={new Date(conversation.lastActivityAt).toISOString()}>
          {relativeTime(conversation.lastActivityAt, now)}
        </time>
      </div>
      {marks?.wokeUp ? (
        <p className="flex items-center gap-1 text-[11px] font-medium text-indigo-700" data-testid="snooze-notice">
          <AlarmClock aria-hidden className="h-3 w-3 shrink-0" />
          Back from snooze: {WOKE_BECAUSE[marks.wokeUp.reason]}
        </p>
      ) : marks?.snoozedUntil || marks?.snoozeUntilReply ? (
        <p className="flex items-center gap-1 text-[11px] text-slate-600" data-testid="snoozed-until">
          <AlarmClock aria-hidden className="h-3 w-3 shrink-0" />
          Snoozed {marks.snoozedUntil ? `until ${new Date(marks.snoozedUntil).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
          {marks.snoozedUntil && marks.snoozeUntilReply ? ' or ' : ''}
          {marks.snoozeUntilReply ? 'until they reply' : ''}
        </p>
      ) : null}
      {rowLabels.length ? (
        <div className="flex flex-wrap gap-1" aria-label="Labels">
          {rowLabels.map((label) => (
            <LabelChip key={label.id} label={label} />
          ))}
        </div>
      ) : null}
      {viewers?.length ? (
        <p className="flex items-center gap-1 truncate text-[11px] text-amber-700" data-testid="row-viewers">
          {viewers.some((viewer) => viewer.typing) ? <PenLine aria-hidden className="h-3 w-3 shrink-0" /> : <Eye aria-hidden className="h-3 w-3 shrink-0" />}
          <span className="sr-only">{viewers.some((viewer) => viewer.typing) ? 'Typing:' : 'Viewing:'}</span>
          <span className="truncate">{viewers.map((viewer) => viewer.name).join(', ')}</span>
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <p className={`min-w-0 flex-1 truncate text-xs ${unread ? 'text-slate-800' : isSelected ? 'text-slate-600' : 'text-slate-500'}`} data-testid="conversation-preview">
          {previewText(preview)}
        </p>
        {conversation.state !== 'active' ? (
          <span className="shrink-0 text-[11px] uppercase tracking-wide text-slate-500">{conversation.state}</span>
        ) : null}
        {unread > 0 ? (
          <span className="shrink-0 rounded-full bg-indigo-600 px-1.5 text-[11px] font-semibold leading-5 text-white">
            <span data-testid="unread-count">{unread}</span>
            <span className="sr-only"> unread</span>
          </span>
        ) : null}
      </div>
    </Link>
  );
});
