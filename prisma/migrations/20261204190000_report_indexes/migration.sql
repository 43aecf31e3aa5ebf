-- Reports read the period's messages from one index, without visiting the table (index-only):
-- time and direction for the range, then the conversation, author and kind they count by.
-- It starts with the columns of the index it replaces, so it serves the same lookups.
DROP INDEX "MessageIndex_createdAt_direction_idx";

-- CreateIndex
CREATE INDEX "MessageIndex_reports_idx" ON "MessageIndex"("createdAt", "direction", "conversationSid", "authorId", "authorKind");

-- Reports leave out the few conversations that only carry a survey answer: found by index.
-- CreateIndex
CREATE INDEX "ConversationIndex_surveyReplyTo_idx" ON "ConversationIndex"("surveyReplyTo");
