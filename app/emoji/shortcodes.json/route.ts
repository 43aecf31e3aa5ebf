import { SHORTCODES } from '@/lib/emoji/shortcode-list';

// `:shortcode` completion's list, built once from Emojibase's data (lib/emoji/shortcode-list.ts).
export const dynamic = 'force-static';

export function GET() {
  return Response.json(SHORTCODES);
}
