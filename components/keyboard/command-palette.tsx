'use client';

import { Command } from 'cmdk';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { useInbox } from '@/components/inbox/inbox-context';
import { isSupervisorRole, type Role } from '@/lib/auth/roles';
import { conversationTitle } from '@/lib/inbox/conversation-view';
import { sendComposerCommand, sendConversationCommand } from './inbox-commands';
import { focusSearch } from './use-inbox-shortcuts';

type Props = { open: boolean; onClose: () => void; role: Role; onShowShortcuts: () => void };

const ITEM = 'flex min-h-10 cursor-pointer items-center justify-between gap-2 rounded-md px-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900';
const GROUP = '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-600';

/** Ctrl+K / ⌘K: pages, actions on the open conversation, and any conversation by customer name or number. */
export function CommandPalette({ open, onClose, role, onShowShortcuts }: Props) {
  const router = useRouter();
  const conversations = useInbox((state) => state.conversations);
  const input = useRef<HTMLInputElement>(null);
  // After the dialog has opened (its effect runs first, and opening moves focus to the dialog).
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const items = useMemo(
    () =>
      Object.values(conversations)
        .filter((conversation) => !conversation.provisional)
        .sort((a, b) => b.lastActivityAt - a.lastActivityAt)
        .map((conversation) => ({ sid: conversation.sid, title: conversationTitle(conversation), address: conversation.switchboard?.customer?.address ?? '' })),
    [conversations],
  );
  const pages = [
    { href: '/inbox', label: 'Inbox', show: true },
    { href: '/supervisor', label: 'Supervisor console', show: isSupervisorRole(role) },
    { href: '/reports', label: 'Reports', show: isSupervisorRole(role) },
    { href: '/supervisor/canned-responses', label: 'Canned responses', show: isSupervisorRole(role) },
    { href: '/supervisor/broadcasts', label: 'Broadcasts', show: isSupervisorRole(role) },
    { href: '/supervisor/templates', label: 'Message templates', show: isSupervisorRole(role) },
    { href: '/supervisor/labels', label: 'Labels', show: isSupervisorRole(role) },
    { href: '/supervisor/surveys', label: 'CSAT surveys', show: isSupervisorRole(role) },
    { href: '/admin/users', label: 'Team', show: role === 'ADMIN' },
    { href: '/admin/orchestration', label: 'Orchestration', show: role === 'ADMIN' },
  ].filter((page) => page.show);
  const run = (action: () => void) => {
    onClose();
    // Once the palette has closed and given focus back, so the action can move it (a label, search).
    requestAnimationFrame(action);
  };

  return (
    <Dialog open={open} onClose={onClose} labelledBy="command-palette-title" className="max-w-lg p-0">
      <h2 id="command-palette-title" className="sr-only">Command palette</h2>
      {open ? (
        <Command label="Command palette" className="flex flex-col">
          <Command.Input ref={input} placeholder="Go to a page, or find a conversation by name or number" className="border-b border-slate-200 bg-transparent px-4 py-3 text-sm outline-none placeholder:text-slate-500" />
          <Command.List className="max-h-80 overflow-y-auto p-2">
            <Command.Empty className="px-2 py-6 text-center text-sm text-slate-600">Nothing matches.</Command.Empty>
            <Command.Group heading="Conversations" className={GROUP}>
              {items.map((item) => (
                <Command.Item key={item.sid} value={`${item.title} ${item.address} ${item.sid}`} onSelect={() => run(() => window.history.pushState(null, '', `/inbox/${item.sid}`))} className={ITEM}>
                  <span className="truncate">{item.title}</span>
                  {item.address && item.address !== item.title ? <span className="shrink-0 text-xs text-slate-600">{item.address}</span> : null}
                </Command.Item>
              ))}
            </Command.Group>
            <Command.Group heading="Actions" className={GROUP}>
              <Command.Item value="Reply to the open conversation" onSelect={() => run(() => sendComposerCommand('reply'))} className={ITEM}>Reply</Command.Item>
              <Command.Item value="Write a private note" onSelect={() => run(() => sendComposerCommand('note'))} className={ITEM}>Write a private note</Command.Item>
              <Command.Item value="Label the open conversation" onSelect={() => run(() => sendConversationCommand('label'))} className={ITEM}>Label</Command.Item>
              <Command.Item value="Snooze the open conversation" onSelect={() => run(() => sendConversationCommand('snooze'))} className={ITEM}>Snooze</Command.Item>
              <Command.Item value="Transfer the open conversation" onSelect={() => run(() => sendConversationCommand('transfer'))} className={ITEM}>Transfer</Command.Item>
              <Command.Item value="Close the open conversation" onSelect={() => run(() => sendConversationCommand('close'))} className={ITEM}>Close conversation</Command.Item>
              <Command.Item value="Search conversations" onSelect={() => run(focusSearch)} className={ITEM}>Search conversations</Command.Item>
              <Command.Item value="Keyboard shortcuts help" onSelect={() => run(onShowShortcuts)} className={ITEM}>Keyboard shortcuts</Command.Item>
            </Command.Group>
            <Command.Group heading="Go to" className={GROUP}>
              {pages.map((page) => (
                <Command.Item key={page.href} value={`Go to ${page.label}`} onSelect={() => run(() => router.push(page.href))} className={ITEM}>
                  {page.label}
                </Command.Item>
              ))}
            </Command.Group>
          </Command.List>
        </Command>
      ) : null}
    </Dialog>
  );
}
