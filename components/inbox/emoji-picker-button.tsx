'use client';

import { EmojiPicker, type EmojiPickerListCategoryHeaderProps, type EmojiPickerListEmojiProps, type EmojiPickerListRowProps } from 'frimousse';
import { useEffect, useId, useRef, useState } from 'react';
import { Smile } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * Where the picker loads Emojibase's data from: the app itself (app/emoji/), never a CDN, so the
 * picker works on a closed network and under the app's Content-Security-Policy.
 */
const EMOJIBASE_URL = '/emoji';

const CategoryHeader = ({ category, ...props }: EmojiPickerListCategoryHeaderProps) => (
  <div {...props} className="bg-white px-2 pt-2 pb-1 text-xs font-medium text-slate-600">
    {category.label}
  </div>
);
// frimousse numbers rows and columns from 0; ARIA counts from 1 (axe: aria-valid-attr-value).
const fromOne = (index: unknown) => (typeof index === 'number' ? index + 1 : undefined);
const Row = ({ children, ...props }: EmojiPickerListRowProps) => (
  <div {...props} aria-rowindex={fromOne(props['aria-rowindex'])} className="px-1">
    {children}
  </div>
);
// 36 px with a mouse, 44 px under a finger (as every control on a touch screen).
const Emoji = ({ emoji, ...props }: EmojiPickerListEmojiProps) => (
  <button {...props} role="gridcell" aria-colindex={fromOne(props['aria-colindex'])} className="flex size-9 items-center justify-center rounded-md text-xl pointer-coarse:size-11 data-active:bg-slate-100">
    {emoji.emoji}
  </button>
);

/** The composer's emoji button: a searchable picker (frimousse) that inserts what is picked. */
export function EmojiPickerButton({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  // Fewer, larger columns under a finger, so the picker fits a 360 px phone.
  const [columns] = useState(() => (typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches ? 7 : 8));

  useEffect(() => {
    if (!open) return;
    // A click or tap anywhere else closes it.
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <div ref={root} className="relative">
      <Button variant="ghost" aria-label="Insert emoji" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((value) => !value)} className="px-2 py-2">
        <Smile aria-hidden className="h-5 w-5" />
      </Button>
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label="Emoji picker"
          className="absolute bottom-full left-0 z-20 mb-2 rounded-lg border border-slate-200 bg-white shadow-lg"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // Escape closes the picker, not whatever is around it.
            event.stopPropagation();
            setOpen(false);
            // Back to the emoji button (the first button in here).
            root.current?.querySelector('button')?.focus();
          }}
        >
          <EmojiPicker.Root
            emojibaseUrl={EMOJIBASE_URL}
            columns={columns}
            className="isolate flex h-80 w-fit flex-col"
            onEmojiSelect={({ emoji }) => {
              setOpen(false);
              onPick(emoji);
            }}
          >
            <EmojiPicker.Search aria-label="Search emoji" placeholder="Search emoji" autoFocus className="m-2 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" />
            <EmojiPicker.Viewport className="relative flex-1 outline-none">
              <EmojiPicker.Loading className="absolute inset-0 flex items-center justify-center text-sm text-slate-600">Loading…</EmojiPicker.Loading>
              <EmojiPicker.Empty className="absolute inset-0 flex items-center justify-center text-sm text-slate-600">No emoji found.</EmojiPicker.Empty>
              <EmojiPicker.List className="select-none pb-1" components={{ CategoryHeader, Row, Emoji }} />
            </EmojiPicker.Viewport>
          </EmojiPicker.Root>
        </div>
      ) : null}
    </div>
  );
}
