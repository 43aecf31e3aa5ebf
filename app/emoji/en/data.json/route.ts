import data from 'emojibase-data/en/data.json';

// The emoji picker's data (Emojibase, from the installed package), served by the app itself:
// the picker never fetches it from a CDN (components/inbox/emoji-picker-button.tsx).
export const dynamic = 'force-static';

export function GET() {
  return Response.json(data);
}
