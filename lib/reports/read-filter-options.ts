import { db } from '@/lib/db/client';

/** What the filters offer: the team (anyone who can own a conversation) and the numbers in use. */
export async function readFilterOptions(): Promise<{ agents: { id: string; name: string }[]; numbers: string[] }> {
  const agents = await db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const numbers = await db.$queryRaw<{ number: string }[]>`
    SELECT DISTINCT "twilioNumber" AS number FROM "ConversationIndex" WHERE "twilioNumber" IS NOT NULL ORDER BY 1`;
  return { agents, numbers: numbers.map((row) => row.number) };
}
