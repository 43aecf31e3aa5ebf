// `:shortcode` completion in the composer: which shortcodes match what is typed, and where.
// Shared by the server (which builds the list from Emojibase's data) and the browser.

/** One shortcode and its emoji, e.g. ['smile', '😄']. */
export type Shortcode = readonly [name: string, emoji: string];

type ShortcodeDataset = Record<string, string | string[]>;
type CompactEmoji = { hexcode: string; unicode: string };

/**
 * Emojibase's shortcodes (keyed by hexcode) joined to each emoji as it is written (with its
 * emoji presentation selector), sorted by name. Skin-tone variants are left out: the picker offers them.
 */
export function buildShortcodes(dataset: ShortcodeDataset, emojis: readonly CompactEmoji[]): Shortcode[] {
  const byHexcode = new Map(emojis.map((emoji) => [emoji.hexcode, emoji.unicode]));
  const list: Shortcode[] = [];
  for (const [hexcode, names] of Object.entries(dataset)) {
    const emoji = byHexcode.get(hexcode);
    if (!emoji) continue;
    for (const name of Array.isArray(names) ? names : [names]) list.push([name, emoji]);
  }
  return list.sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The `:query` being typed just before the caret (at least two characters, after a space or at
 * the start, so "10:30" or a URL is not one), with where it starts.
 */
export function shortcodeAt(text: string, caret: number): { query: string; start: number } | null {
  const match = /(?:^|\s):([a-z0-9_+-]{2,})$/i.exec(text.slice(0, caret));
  if (!match) return null;
  return { query: match[1]!.toLowerCase(), start: caret - match[1]!.length - 1 };
}

/** Shortcodes that start with the query first, then those that contain it; at most `limit`. */
export function matchShortcodes(list: readonly Shortcode[], query: string, limit = 6): Shortcode[] {
  const starts = list.filter(([name]) => name.startsWith(query));
  const contains = starts.length >= limit ? [] : list.filter(([name]) => !name.startsWith(query) && name.includes(query));
  return [...starts, ...contains].slice(0, limit);
}
