import { db } from '@/lib/db/client';

/** What the filters offer: the team (anyone who can own a conversation), the numbers in use, the labels. */
export async function readFilterOptions(): Promise<{ agents: { id: string; name: string }[]; numbers: string[]; labels: { id: string; name: string }[] }> {
  const agents = await db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const labels = await db.label.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const numbers = await db.$queryRaw<{ number: string }[]>`
    SELECT DISTINCT "twilioNumber" AS number FROM "ConversationIndex" WHERE "twilioNumber" IS NOT NULL ORDER BY 1`;
  return { agents, numbers: numbers.map((row) => row.number), labels };
}
