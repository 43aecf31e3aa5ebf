'use client';

import { type ClipboardEvent, type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { Paperclip } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { CannedResponseView } from '@/lib/canned-responses/canned-response-schema';
import { type CannedVariables, fillCannedVariables } from '@/lib/canned-responses/fill-variables';
import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';
import { attachmentProblem, LIMITS } from '@/lib/inbox/attachment-limits';
import { AttachmentPreviews } from './attachment-previews';
import { CannedResponsePicker } from './canned-response-picker';
import { EmojiPickerButton } from './emoji-picker-button';
import { useEmojiShortcodes } from './use-emoji-shortcodes';
import { useCannedResponses } from './use-canned-responses';
import { useComposerCommands } from '@/components/keyboard/inbox-commands';

type Props = {
  channel: TConversationChannel;
  closed: boolean;
  files: File[];
  onFilesChange: (files: File[]) => void;
  /** Sends; a returned promise that rejects puts the text back and shows why. */
  onSend: (body: string, files: File[]) => void | Promise<unknown>;
  onAddNote: (body: string) => Promise<void>;
  onTyping: () => void;
  /** Replies sent through the server (not the SDK) carry text only. */
  allowAttachments?: boolean;
  /** What a canned response's {{contact.name}} and {{agent.name}} become. */
  variables?: CannedVariables;
  /** Why free-form replies are off (WhatsApp outside its window); private notes still work. */
  replyBlockedReason?: string | null;
};

type Mode = 'reply' | 'note';

/** "/query" typed at the start of the message opens the canned responses. */
const SLASH = /^\/([\w-]*)$/;

export function Composer({ channel, closed, files, onFilesChange, onSend, onAddNote, onTyping, allowAttachments = true, variables = {}, replyBlockedReason = null }: Props) {
  const [mode, setMode] = useState<Mode>('reply');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [pickerClosed, setPickerClosed] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const emoji = useEmojiShortcodes({ textArea, value: body, onChange: setBody });
  // The `r` and `n` shortcuts (and the command palette): pick the mode and start typing.
  useComposerCommands((command) => {
    setMode(command);
    textArea.current?.focus();
  });
  const slash = mode === 'reply' ? SLASH.exec(body) : null;
  const cannedResponses = useCannedResponses(slash !== null);
  const slashQuery = slash?.[1]?.toLowerCase() ?? null;
  const matches = useMemo(() => {
    if (slashQuery === null || !cannedResponses) return [];
    return cannedResponses.filter((response) => response.shortcut.includes(slashQuery) || response.title.toLowerCase().includes(slashQuery)).slice(0, 8);
  }, [slashQuery, cannedResponses]);
  const pickerOpen = slash !== null && cannedResponses !== null && !pickerClosed;

  const disabledReason = closed ? 'This conversation is closed. The customer’s next message starts a new one.' : null;
  const problem = mode === 'reply' ? attachmentProblem(channel, files, body.length) : null;
  const blocked = mode === 'reply' ? replyBlockedReason : null;
  const canSubmit = !disabledReason && !blocked && !problem && (body.trim().length > 0 || (mode === 'reply' && files.length > 0));
  const limit = LIMITS[channel].maxBodyLength;

  function insert(response: CannedResponseView) {
    setBody(fillCannedVariables(response.body, variables));
    setPickerClosed(true);
  }

  async function submit() {
    if (!canSubmit) return;
    const text = body.trim();
    setError(null);
    if (mode === 'note') {
      try {
        await onAddNote(text);
        setBody('');
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : 'The note was not saved.');
      }
      return;
    }
    const sending = onSend(text, files);
    setBody('');
    onFilesChange([]);
    try {
      await sending;
    } catch (caught) {
      // Never lose what was written: put it back (unless something new was typed) and say why.
      setBody((current) => current || text);
      setError(caught instanceof Error ? `Not sent: ${caught.message}` : 'Not sent.');
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (emoji.onKeyDown(event)) return;
    if (pickerOpen && matches.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActiveIndex((index) => (index + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insert(matches[Math.min(activeIndex, matches.length - 1)]!);
        return;
      }
    }
    if (slash !== null && !pickerClosed && event.key === 'Escape') {
      event.preventDefault();
      setPickerClosed(true);
      return;
    }
    // "/add" is a search for a canned response, never a message: with no match (or the list still
    // loading), Enter does nothing. Escape closes the picker, and then Enter sends it as text.
    if (slash !== null && !pickerClosed && event.key === 'Enter') {
      event.preventDefault();
      return;
    }
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition is neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = Array.from(event.clipboardData.files);
    if (pasted.length === 0 || mode === 'note' || !allowAttachments || blocked) return;
    event.preventDefault();
    onFilesChange([...files, ...pasted]);
  }

  if (disabledReason) {
    return (
      <div className="border-t border-slate-200 bg-white px-4 py-3">
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600" data-testid="composer-disabled">
          {disabledReason}
        </p>
      </div>
    );
  }

  const isNote = mode === 'note';
  return (
    <form
      aria-label={isNote ? 'Private note' : 'Reply'}
      className={`border-t px-4 py-3 ${isNote ? 'border-amber-200 bg-amber-50' : 'border-slate-200 bg-white'}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div role="tablist" aria-label="Write" className="mb-2 flex gap-1 text-xs">
        {(['reply', 'note'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={mode === option}
            onClick={() => setMode(option)}
            className={`rounded-md px-2 py-1 font-medium ${mode === option ? (option === 'note' ? 'bg-amber-200 text-amber-950' : 'bg-slate-900 text-white') : 'text-slate-600 hover:bg-slate-100'}`}
          >
            {option === 'reply' ? 'Reply' : 'Private note'}
          </button>
        ))}
      </div>
      {emoji.menu}
      {pickerOpen ? <CannedResponsePicker matches={matches} activeIndex={Math.min(activeIndex, Math.max(0, matches.length - 1))} onPick={insert} /> : null}
      {!isNote ? <AttachmentPreviews files={files} onRemove={(index) => onFilesChange(files.filter((_, i) => i !== index))} /> : null}
      <div className="flex items-end gap-2">
        {!isNote && allowAttachments && !blocked ? (
          <>
            <Button variant="ghost" aria-label="Attach files" onClick={() => fileInput.current?.click()} className="px-2 py-2">
              <Paperclip aria-hidden className="h-5 w-5" />
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              data-testid="file-input"
              onChange={(event) => {
                onFilesChange([...files, ...Array.from(event.target.files ?? [])]);
                event.target.value = '';
              }}
            />
          </>
        ) : null}
        <EmojiPickerButton onPick={emoji.insert} />
        <textarea
          ref={textArea}
          aria-label={isNote ? 'Note' : 'Message'}
          aria-controls={pickerOpen ? 'canned-responses' : emoji.listId}
          placeholder={isNote ? 'Only your team sees notes' : (blocked ?? 'Write a reply — Enter sends, Shift+Enter new line, / for canned responses')}
          disabled={blocked !== null}
          rows={1}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            emoji.onInput(event.target);
            setPickerClosed(false);
            setActiveIndex(0);
            if (event.target.value) onTyping();
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          className={`max-h-48 min-h-[2.5rem] flex-1 resize-none rounded-md border px-3 py-2 text-sm [field-sizing:content] ${isNote ? 'border-amber-300 bg-white' : 'border-slate-300'}`}
        />
        <Button type="submit" disabled={!canSubmit} className="py-2">
          {isNote ? 'Add note' : 'Send'}
        </Button>
      </div>
      <div className="mt-1 flex justify-between gap-3 text-xs">
        <span role={problem || error ? 'alert' : undefined} className="text-red-700" data-testid="composer-problem">
          {problem ?? error ?? ''}
        </span>
        {!isNote && limit !== null && channel !== 'chat' ? (
          <span className={body.length > limit ? 'text-red-700' : 'text-slate-500'} data-testid="character-count">
            {body.length.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
