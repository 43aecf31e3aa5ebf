import messages from 'emojibase-data/en/messages.json';

// The emoji picker's category names (Emojibase), served by the app: see ../data.json/route.ts.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(messages);
}
