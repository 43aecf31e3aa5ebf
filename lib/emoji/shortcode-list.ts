import 'server-only';
import emojis from 'emojibase-data/en/compact.json';
import github from 'emojibase-data/en/shortcodes/github.json';
import { buildShortcodes } from './emoji-shortcodes';

/** GitHub's (and Slack's) shortcode names, the ones agents already type: `:smile:`, `:+1:`. */
export const SHORTCODES = buildShortcodes(github, emojis);
