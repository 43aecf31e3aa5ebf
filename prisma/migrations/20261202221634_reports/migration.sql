-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "MessageAuthorKind" AS ENUM ('CUSTOMER', 'AGENT', 'SUPERVISOR', 'SYSTEM');

-- AlterTable
ALTER TABLE "ConversationIndex" ADD COLUMN     "firstResponderId" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT,
ADD COLUMN     "surveyReplyTo" TEXT;

-- CreateTable
CREATE TABLE "MessageIndex" (
    "sid" TEXT NOT NULL,
    "conversationSid" TEXT NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "authorKind" "MessageAuthorKind" NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "hasMedia" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MessageIndex_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "AvailabilityPeriod" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL,
    "isOpen" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "AvailabilityPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelSettings" (
    "channel" "ConversationChannel" NOT NULL,
    "csatEnabled" BOOLEAN NOT NULL DEFAULT false,
    "csatQuestion" TEXT NOT NULL DEFAULT 'How did we do? Reply 1-5 (5 is best), and tell us why if you like.',

    CONSTRAINT "ChannelSettings_pkey" PRIMARY KEY ("channel")
);

-- CreateTable
CREATE TABLE "CsatSurvey" (
    "id" TEXT NOT NULL,
    "conversationSid" TEXT NOT NULL,
    "agentId" TEXT,
    "customerAddress" TEXT NOT NULL,
    "twilioNumber" TEXT,
    "messageSid" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "respondedAt" TIMESTAMP(3),
    "replyConversationSid" TEXT,
    "replyMessageSid" TEXT,

    CONSTRAINT "CsatSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageIndex_conversationSid_createdAt_idx" ON "MessageIndex"("conversationSid", "createdAt");

-- CreateIndex
CREATE INDEX "MessageIndex_createdAt_direction_idx" ON "MessageIndex"("createdAt", "direction");

-- CreateIndex
CREATE INDEX "MessageIndex_authorId_createdAt_idx" ON "MessageIndex"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "AvailabilityPeriod_userId_startedAt_idx" ON "AvailabilityPeriod"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "AvailabilityPeriod_userId_isOpen_idx" ON "AvailabilityPeriod"("userId", "isOpen");

-- CreateIndex
CREATE UNIQUE INDEX "CsatSurvey_conversationSid_key" ON "CsatSurvey"("conversationSid");

-- CreateIndex
CREATE INDEX "CsatSurvey_customerAddress_sentAt_idx" ON "CsatSurvey"("customerAddress", "sentAt");

-- CreateIndex
CREATE INDEX "CsatSurvey_sentAt_idx" ON "CsatSurvey"("sentAt");

-- CreateIndex
CREATE INDEX "CsatSurvey_respondedAt_idx" ON "CsatSurvey"("respondedAt");

-- CreateIndex
CREATE INDEX "Assignment_toUserId_createdAt_idx" ON "Assignment"("toUserId", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_createdAt_idx" ON "Assignment"("createdAt");

-- CreateIndex
CREATE INDEX "ConversationIndex_createdAt_idx" ON "ConversationIndex"("createdAt");

-- CreateIndex
CREATE INDEX "ConversationIndex_firstInboundAt_idx" ON "ConversationIndex"("firstInboundAt");

-- CreateIndex
CREATE INDEX "ConversationIndex_resolvedAt_idx" ON "ConversationIndex"("resolvedAt");

-- AddForeignKey
ALTER TABLE "MessageIndex" ADD CONSTRAINT "MessageIndex_conversationSid_fkey" FOREIGN KEY ("conversationSid") REFERENCES "ConversationIndex"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageIndex" ADD CONSTRAINT "MessageIndex_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityPeriod" ADD CONSTRAINT "AvailabilityPeriod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CsatSurvey" ADD CONSTRAINT "CsatSurvey_conversationSid_fkey" FOREIGN KEY ("conversationSid") REFERENCES "ConversationIndex"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: conversations resolved before this migration get their last resolve and its owner
-- from the assignment history (closed ones without any history: their last update).
UPDATE "ConversationIndex" c
SET "resolvedAt" = r."createdAt", "resolvedById" = r."fromUserId"
FROM (
  SELECT DISTINCT ON ("conversationSid") "conversationSid", "createdAt", "fromUserId"
  FROM "Assignment"
  WHERE "reason" = 'RESOLVED'
  ORDER BY "conversationSid", "createdAt" DESC
) r
WHERE r."conversationSid" = c."sid";

UPDATE "ConversationIndex" SET "resolvedAt" = "updatedAt" WHERE "state" = 'CLOSED' AND "resolvedAt" IS NULL;
