-- Full-text search over message bodies and notes: a tsvector the database keeps from the body
-- ('english': stems and stop words, so "refunds" finds "refund"), with a GIN index each.
ALTER TABLE "MessageIndex" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED;
CREATE INDEX "MessageIndex_searchVector_idx" ON "MessageIndex" USING GIN ("searchVector");

ALTER TABLE "Note" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED;
CREATE INDEX "Note_searchVector_idx" ON "Note" USING GIN ("searchVector");

-- CreateEnum
CREATE TYPE "SnoozeEndReason" AS ENUM ('TIME', 'REPLY', 'AGENT');

-- Snooze, and the search back-fill's mark. Rows indexed before this migration get no mark
-- (their older messages may be missing from the message index), new rows are marked when added.
ALTER TABLE "ConversationIndex"
  ADD COLUMN "snoozedUntil" TIMESTAMP(3),
  ADD COLUMN "snoozeUntilReply" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "snoozedById" TEXT,
  ADD COLUMN "snoozedAt" TIMESTAMP(3),
  ADD COLUMN "snoozeEndedAt" TIMESTAMP(3),
  ADD COLUMN "snoozeEndReason" "SnoozeEndReason",
  ADD COLUMN "messagesBackfilledAt" TIMESTAMP(3);
ALTER TABLE "ConversationIndex" ALTER COLUMN "messagesBackfilledAt" SET DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "ConversationIndex_snoozedUntil_idx" ON "ConversationIndex"("snoozedUntil");
CREATE INDEX "ConversationIndex_messagesBackfilledAt_idx" ON "ConversationIndex"("messagesBackfilledAt");

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Label_name_key" ON "Label"("name");

-- CreateTable
CREATE TABLE "ConversationLabel" (
    "conversationSid" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "appliedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationLabel_pkey" PRIMARY KEY ("conversationSid","labelId")
);
CREATE INDEX "ConversationLabel_labelId_idx" ON "ConversationLabel"("labelId");

ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_conversationSid_fkey" FOREIGN KEY ("conversationSid") REFERENCES "ConversationIndex"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConversationLabel" ADD CONSTRAINT "ConversationLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE CASCADE ON UPDATE CASCADE;
