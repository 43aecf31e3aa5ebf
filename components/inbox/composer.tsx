'use client';

import { type ClipboardEvent, type KeyboardEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';
import { attachmentProblem, LIMITS } from '@/lib/inbox/attachment-limits';
import { AttachmentPreviews } from './attachment-previews';
import { useInboxController } from './inbox-context';

type Props = {
  sid: string;
  channel: TConversationChannel;
  closed: boolean;
  /** Why this agent may not write here (set by ownership rules), or undefined. */
  readOnlyReason?: string;
  files: File[];
  onFilesChange: (files: File[]) => void;
  onSend: (body: string, files: File[]) => void;
};

export function Composer({ sid, channel, closed, readOnlyReason, files, onFilesChange, onSend }: Props) {
  const controller = useInboxController();
  const [body, setBody] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const disabledReason = closed ? 'This conversation is closed. The customer’s next message starts a new one.' : readOnlyReason;
  const problem = attachmentProblem(channel, files, body.length);
  const canSend = !disabledReason && !problem && (body.trim().length > 0 || files.length > 0);
  const limit = LIMITS[channel].maxBodyLength;

  function send() {
    if (!canSend) return;
    onSend(body.trim(), files);
    setBody('');
    onFilesChange([]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition is neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = Array.from(event.clipboardData.files);
    if (pasted.length === 0) return;
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

  return (
    <form
      aria-label="Reply"
      className="border-t border-slate-200 bg-white px-4 py-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <AttachmentPreviews files={files} onRemove={(index) => onFilesChange(files.filter((_, i) => i !== index))} />
      <div className="flex items-end gap-2">
        <Button variant="ghost" aria-label="Attach files" onClick={() => fileInput.current?.click()} className="px-2 py-2">
          <span aria-hidden>📎</span>
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
        <textarea
          aria-label="Message"
          placeholder="Write a reply — Enter sends, Shift+Enter for a new line"
          rows={1}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value) controller.typing(sid);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          className="max-h-48 min-h-[2.5rem] flex-1 resize-none rounded-md border border-slate-300 px-3 py-2 text-sm [field-sizing:content]"
        />
        <Button type="submit" disabled={!canSend} className="py-2">
          Send
        </Button>
      </div>
      <div className="mt-1 flex justify-between gap-3 text-xs">
        <span role={problem ? 'alert' : undefined} className="text-red-700" data-testid="composer-problem">
          {problem ?? ''}
        </span>
        {limit !== null && channel !== 'chat' ? (
          <span className={body.length > limit ? 'text-red-700' : 'text-slate-500'} data-testid="character-count">
            {body.length.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
