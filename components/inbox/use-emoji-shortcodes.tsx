'use client';

import { type KeyboardEvent, type RefObject, useEffect, useState } from 'react';
import { matchShortcodes, type Shortcode, shortcodeAt } from '@/lib/emoji/emoji-shortcodes';

let list: Promise<Shortcode[]> | undefined;

/** The shortcode list (app/emoji/shortcodes.json), fetched once per page when first needed. */
function useShortcodeList(enabled: boolean): Shortcode[] | null {
  const [loaded, setLoaded] = useState<Shortcode[] | null>(null);
  useEffect(() => {
    if (!enabled || loaded) return;
    let cancelled = false;
    list ??= fetch('/emoji/shortcodes.json').then((response) => (response.ok ? (response.json() as Promise<Shortcode[]>) : Promise.reject(new Error(String(response.status)))));
    list.then(
      (shortcodes) => !cancelled && setLoaded(shortcodes),
      () => {
        list = undefined;
      },
    );
    return () => {
      cancelled = true;
    };
  }, [enabled, loaded]);
  return loaded;
}

type Options = { textArea: RefObject<HTMLTextAreaElement | null>; value: string; onChange: (value: string) => void };

/**
 * Emoji in the composer's text: `:smi` offers 😄 and friends (Arrow keys choose, Enter or Tab
 * inserts, Escape closes), and `insert` puts an emoji from the picker where the caret is.
 * The composer passes its text box's input (`onInput`) and keys (`onKeyDown`, true when handled).
 */
export function useEmojiShortcodes({ textArea, value, onChange }: Options) {
  const [caret, setCaret] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const typed = caret === null ? null : shortcodeAt(value, caret);
  const shortcodes = useShortcodeList(typed !== null);
  const query = typed?.query ?? null;
  const matches = query !== null && shortcodes ? matchShortcodes(shortcodes, query) : [];
  const open = typed !== null && matches.length > 0 && !dismissed;
  const active = Math.min(activeIndex, Math.max(0, matches.length - 1));

  /** Replaces `from`…caret with `text` and puts the caret after it. */
  function replace(from: number, to: number, text: string) {
    const next = value.slice(0, from) + text + value.slice(to);
    onChange(next);
    setCaret(null);
    const position = from + text.length;
    requestAnimationFrame(() => {
      textArea.current?.focus();
      textArea.current?.setSelectionRange(position, position);
    });
  }

  function pick([, emoji]: Shortcode) {
    if (!typed || caret === null) return;
    replace(typed.start, caret, emoji);
  }

  return {
    onInput(element: HTMLTextAreaElement) {
      setCaret(element.selectionStart);
      setActiveIndex(0);
      setDismissed(false);
    },
    onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
      if (!open) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActiveIndex((active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return true;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.nativeEvent.isComposing) {
        event.preventDefault();
        pick(matches[active]!);
        return true;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(true);
        return true;
      }
      return false;
    },
    insert(emoji: string) {
      const element = textArea.current;
      const [start, end] = element ? [element.selectionStart, element.selectionEnd] : [value.length, value.length];
      replace(start, end, emoji);
    },
    listId: open ? 'emoji-shortcodes' : undefined,
    menu: open ? (
      <ul id="emoji-shortcodes" role="listbox" aria-label="Emoji" className="mb-2 max-h-56 overflow-y-auto rounded-md border border-slate-200 bg-white shadow-md">
        {matches.map((shortcode, index) => (
          <li
            key={shortcode[0]}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(shortcode);
            }}
            className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${index === active ? 'bg-indigo-50' : 'hover:bg-slate-50'}`}
          >
            <span className="text-lg">{shortcode[1]}</span>
            <span className="font-mono text-xs text-slate-700">:{shortcode[0]}:</span>
          </li>
        ))}
      </ul>
    ) : null,
  };
}
