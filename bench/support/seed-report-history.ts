import pg from 'pg';
import { withIndexesRebuilt } from './rebuild-indexes';

export type HistorySize = { conversations: number; messagesPerConversation: number; agents: number; days: number };

/**
 * A message's body as SQL, computed per row in the insert: it may use `k` (the message's place in
 * its conversation, from 0) and `n` (its number across the history). Written once, so a generated
 * column over it (the search vector) is computed once.
 */
export type HistoryOptions = { messageBody?: string; onProgress?: (line: string) => void };

// Messages go in by slices of conversations, each its own statement and transaction: the load
// reports its rate as it goes, and PGlite never holds a million-row transaction.
const CONVERSATIONS_PER_SLICE = 10_000;
const PLAIN_BODY = `'Message ' || k || ' of the bench conversation'`;

/**
 * A support team's history, generated in the database with set-based SQL (no rows through
 * Node): agents, conversations over `days` days on three numbers and four channels, routing,
 * queue, transfer and resolve history, messages alternating customer and team, surveys and
 * answers, and eight hours available per agent per day. Deterministic (setseed).
 */
export async function seedReportHistory(url: string, size: HistorySize, now: Date, { messageBody = PLAIN_BODY, onProgress = () => undefined }: HistoryOptions = {}): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const end = now.toISOString();
    await client.query('SELECT setseed(0.42)');
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
       SELECT 'agent-' || i, 'agent' || i || '@bench.test', 'Agent ' || lpad(i::text, 2, '0'), 'x', 'AGENT', now()
       FROM generate_series(1, $1) i`,
      [size.agents],
    );
    // Times are UTC wall time, like the app's (timestamp without time zone).
    await client.query(
      `INSERT INTO "ConversationIndex" ("sid", "channel", "customerAddress", "twilioNumber", "state", "assigneeId", "createdAt", "updatedAt",
         "firstInboundAt", "firstResponseAt", "firstResponderId", "resolvedAt", "resolvedById", "queuedAt", "lastMessageAt")
       SELECT sid, channel, customer, number,
         CASE WHEN resolved IS NULL THEN 'ACTIVE' ELSE 'CLOSED' END::"ConversationState",
         CASE WHEN queued AND resolved IS NULL THEN NULL ELSE agent END,
         opened, COALESCE(resolved, opened), opened, responded, CASE WHEN responded IS NULL THEN NULL ELSE agent END,
         resolved, CASE WHEN resolved IS NULL THEN NULL ELSE agent END,
         CASE WHEN queued AND resolved IS NULL THEN opened END, COALESCE(resolved, responded, opened)
       FROM (
         SELECT 'CH' || lpad(to_hex(i), 32, '0') AS sid,
           (ARRAY['SMS','SMS','WHATSAPP','CHAT','GROUP'])[1 + (i % 5)]::"ConversationChannel" AS channel,
           '+1555' || lpad((i % 50000)::text, 7, '0') AS customer,
           (ARRAY['+15017122661','+15017122662','whatsapp:+14155238886'])[1 + (i % 3)] AS number,
           'agent-' || (1 + (i % $2)) AS agent,
           o.opened, (i % 10 = 0) AS queued,
           CASE WHEN random() < 0.95 THEN o.opened + make_interval(secs => 20 + (-ln(1 - random()) * 900)) END AS responded,
           CASE WHEN o.opened < ($3::timestamptz AT TIME ZONE 'UTC') - interval '1 day' OR random() < 0.5
             THEN LEAST(o.opened + make_interval(secs => 300 + random() * 172800), ($3::timestamptz AT TIME ZONE 'UTC')) END AS resolved
         FROM generate_series(1, $1) i,
           -- "+ 0 * i" ties the subquery to its row: uncorrelated, it runs once and every conversation opens at one instant.
           LATERAL (SELECT ($3::timestamptz AT TIME ZONE 'UTC') - make_interval(secs => random() * $4 * 86400 + 0 * i) AS opened) o
       ) generated`,
      [size.conversations, size.agents, end, size.days],
    );
    // Routing history: queued first for one in ten, one transfer in twenty, the resolve.
    await client.query(
      `INSERT INTO "Assignment" ("id", "conversationSid", "fromUserId", "toUserId", "reason", "createdAt")
       SELECT 'q-' || c."sid", c."sid", NULL, NULL, 'QUEUE', c."createdAt" FROM "ConversationIndex" c WHERE right(c."sid", 1) = '0'
       UNION ALL
       SELECT 'a-' || c."sid", c."sid", NULL, COALESCE(c."assigneeId", c."firstResponderId", 'agent-1'),
         CASE WHEN right(c."sid", 1) = '0' THEN 'FROM_QUEUE' ELSE 'AUTO' END::"AssignmentReason", c."createdAt" + interval '2 minutes'
       FROM "ConversationIndex" c WHERE NOT (right(c."sid", 1) = '0' AND c."assigneeId" IS NULL)
       UNION ALL
       SELECT 't-' || c."sid", c."sid", c."assigneeId", 'agent-' || (1 + (get_byte(decode(right(c."sid", 2), 'hex'), 0) % $1)), 'TRANSFER', c."createdAt" + interval '10 minutes'
       FROM "ConversationIndex" c WHERE right(c."sid", 2) IN ('07', '17', '27', '37', '47', '57', '67', '77', '87', '97', 'a7', 'b7', 'c7') AND c."assigneeId" IS NOT NULL
       UNION ALL
       SELECT 'r-' || c."sid", c."sid", c."resolvedById", NULL, 'RESOLVED', c."resolvedAt" FROM "ConversationIndex" c WHERE c."state" = 'CLOSED'`,
      [size.agents],
    );
    await withIndexesRebuilt(client, 'MessageIndex', async () => {
      const started = performance.now();
      for (let first = 1; first <= size.conversations; first += CONVERSATIONS_PER_SLICE) {
        const last = Math.min(size.conversations, first + CONVERSATIONS_PER_SLICE - 1);
        await client.query(
          `INSERT INTO "MessageIndex" ("sid", "conversationSid", "direction", "authorKind", "authorId", "createdAt", "hasMedia", "body")
           SELECT 'IM' || lpad(to_hex(n), 32, '0'), c."sid",
             CASE WHEN k % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END::"MessageDirection",
             CASE WHEN k % 2 = 0 THEN 'CUSTOMER' WHEN k = 1 AND c."firstResponseAt" IS NULL THEN 'SYSTEM' ELSE 'AGENT' END::"MessageAuthorKind",
             CASE WHEN k % 2 = 1 AND NOT (k = 1 AND c."firstResponseAt" IS NULL) THEN COALESCE(c."firstResponderId", c."assigneeId") END,
             c."createdAt" + (COALESCE(c."resolvedAt", c."createdAt" + interval '1 hour') - c."createdAt") * (k::float8 / $1),
             k = 4, ${messageBody}
           FROM "ConversationIndex" c, generate_series(0, $1 - 1) k,
             LATERAL (SELECT ('x' || right(c."sid", 8))::bit(32)::bigint AS i) conversation,
             LATERAL (SELECT conversation.i * $1 + k AS n) numbered
           WHERE conversation.i BETWEEN $2 AND $3`,
          [size.messagesPerConversation, first, last],
        );
        // PGlite (0.4, one backend in WebAssembly) hangs when the WAL written since the last
        // checkpoint makes it start one on its own — from inside a WAL write, spinning on a lock
        // it holds (seen at ~500,000 messages). Checkpointing by hand after each slice keeps it
        // from getting there; on PostgreSQL it is merely a checkpoint.
        await client.query('CHECKPOINT');
        const done = last * size.messagesPerConversation;
        onProgress(`${done} messages inserted, ${Math.round(done / ((performance.now() - started) / 1000))}/s`);
      }
    });
    onProgress('message indexes built');
    await client.query(
      `INSERT INTO "CsatSurvey" ("id", "conversationSid", "agentId", "customerAddress", "twilioNumber", "messageSid", "sentAt", "score", "comment", "respondedAt")
       SELECT 's-' || c."sid", c."sid", c."resolvedById", c."customerAddress", c."twilioNumber", 'IM' || right(c."sid", 32), c."resolvedAt",
         CASE WHEN answered THEN 1 + floor(random() * 5)::int END, CASE WHEN answered AND random() < 0.3 THEN 'Bench comment' END,
         CASE WHEN answered THEN c."resolvedAt" + interval '5 minutes' END
       FROM (SELECT c.*, random() < 0.4 AS answered FROM "ConversationIndex" c WHERE c."state" = 'CLOSED' AND c."channel" IN ('SMS', 'WHATSAPP') AND random() < 0.5) c`,
    );
    await client.query(
      `INSERT INTO "AvailabilityPeriod" ("id", "userId", "startedAt", "endedAt", "isOpen")
       SELECT 'p-' || u."id" || '-' || d, u."id", day + interval '8 hours', day + interval '16 hours', false
       FROM "User" u, generate_series(0, $1) d, LATERAL (SELECT date_trunc('day', ($2::timestamptz AT TIME ZONE 'UTC')) - make_interval(days => d) AS day) days`,
      [size.days, end],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
