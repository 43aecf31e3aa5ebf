import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isSupervisorRole } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { ConversationChannel } from '@/lib/db/generated/enums';
import { Prisma } from '@/lib/db/generated/client';
import { MATCH_END, MATCH_START } from './search-highlight';
import { parseTextQuery } from './search-query';

const LIMIT = 30;

export type SearchMatchSource = 'message' | 'note' | 'customer' | 'label';

export type SearchResult = {
  conversationSid: string;
  /** Where it matched; a message or note comes with a snippet, its matched words marked (search-highlight). */
  source: SearchMatchSource;
  snippet: string | null;
  channel: ConversationChannel;
  customerName: string | null;
  customerAddress: string | null;
  state: 'ACTIVE' | 'INACTIVE' | 'CLOSED';
  assigneeName: string | null;
  lastActivityAt: string;
};

type Row = Omit<SearchResult, 'lastActivityAt'> & { lastActivityAt: Date };

/**
 * Full-text search over what the team knows of its conversations — message bodies and notes
 * (ranked by ts_rank, a highlighted ts_headline snippet from the best match), customers' names
 * and numbers, and labels — as one result per conversation, best first. Who may see what is part
 * of the SQL: an agent searches the conversations they own (open or closed) and the queue;
 * supervisors search everything. Conversations opened only to carry a survey answer are left out.
 */
export async function searchConversations(user: Pick<CurrentUser, 'id' | 'role'>, text: string): Promise<SearchResult[]> {
  const query = parseTextQuery(text);
  const visible = isSupervisorRole(user.role)
    ? Prisma.sql`c."surveyReplyTo" IS NULL`
    : Prisma.sql`c."surveyReplyTo" IS NULL AND (c."assigneeId" = ${user.id} OR (c."assigneeId" IS NULL AND c."queuedAt" IS NOT NULL))`;
  const tsquery = query.phrase
    ? Prisma.sql`websearch_to_tsquery('english', ${`"${query.phrase}"`})`
    : query.tsquery
      ? Prisma.sql`to_tsquery('english', ${query.tsquery})`
      : Prisma.sql`''::tsquery`;
  const like = `%${query.like}%`;
  const digits = query.digits ? Prisma.sql`OR regexp_replace(coalesce(c."customerAddress", ''), '\\D', '', 'g') LIKE ${`%${query.digits}%`}` : Prisma.empty;
  const headlineOptions = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=1`;

  const rows = await db.$queryRaw<Row[]>`
    WITH query AS (SELECT ${tsquery} AS q),
    hits AS (
      SELECT m."conversationSid" AS sid, ts_rank(m."searchVector", query.q) AS rank, m."body" AS text, 'message' AS source
      FROM "MessageIndex" m JOIN "ConversationIndex" c ON c."sid" = m."conversationSid", query
      WHERE m."searchVector" @@ query.q AND ${visible}
      UNION ALL
      SELECT n."conversationSid", ts_rank(n."searchVector", query.q), n."body", 'note'
      FROM "Note" n JOIN "ConversationIndex" c ON c."sid" = n."conversationSid", query
      WHERE n."searchVector" @@ query.q AND ${visible}
      UNION ALL
      -- A name or number beats any words: the reader typed who they look for.
      SELECT c."sid", 2.0, NULL, 'customer'
      FROM "ConversationIndex" c
      WHERE ${visible} AND (c."customerName" ILIKE ${like} OR c."customerAddress" ILIKE ${like} ${digits})
      UNION ALL
      SELECT c."sid", 1.0, NULL, 'label'
      FROM "ConversationLabel" cl JOIN "Label" l ON l."id" = cl."labelId" JOIN "ConversationIndex" c ON c."sid" = cl."conversationSid"
      WHERE ${visible} AND l."name" ILIKE ${like}
    ),
    best AS (
      SELECT DISTINCT ON (sid) sid, rank, text, source FROM hits ORDER BY sid, rank DESC
    ),
    top AS (
      SELECT b.*, c."channel"::text AS channel, c."customerName", c."customerAddress", c."state"::text AS state, u."name" AS "assigneeName",
        coalesce(c."lastMessageAt", c."createdAt") AS "lastActivityAt"
      FROM best b JOIN "ConversationIndex" c ON c."sid" = b.sid LEFT JOIN "User" u ON u."id" = c."assigneeId"
      ORDER BY b.rank DESC, "lastActivityAt" DESC, b.sid
      LIMIT ${LIMIT}
    )
    -- Snippets for the few results shown only: ts_headline re-parses the text.
    SELECT top.sid AS "conversationSid", top.source, top.channel, top."customerName", top."customerAddress", top.state, top."assigneeName", top."lastActivityAt",
      CASE WHEN top.text IS NULL THEN NULL ELSE ts_headline('english', top.text, query.q, ${headlineOptions}) END AS snippet
    FROM top, query
    ORDER BY top.rank DESC, top."lastActivityAt" DESC, top.sid`;
  return rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt.toISOString() }));
}
