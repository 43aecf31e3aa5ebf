-- CreateEnum
CREATE TYPE "ConversationChannel" AS ENUM ('SMS', 'WHATSAPP', 'CHAT', 'GROUP');

-- CreateEnum
CREATE TYPE "ConversationState" AS ENUM ('ACTIVE', 'INACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssignmentReason" AS ENUM ('AUTO', 'PREFERRED', 'QUEUE', 'FROM_QUEUE', 'TAKEN', 'STARTED', 'TRANSFER', 'RESOLVED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastAssignedAt" TIMESTAMP(3),
ADD COLUMN     "lastSeenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConversationIndex" (
    "sid" TEXT NOT NULL,
    "channel" "ConversationChannel" NOT NULL DEFAULT 'CHAT',
    "customerAddress" TEXT,
    "customerName" TEXT,
    "twilioNumber" TEXT,
    "state" "ConversationState" NOT NULL DEFAULT 'ACTIVE',
    "assigneeId" TEXT,
    "queuedAt" TIMESTAMP(3),
    "firstInboundAt" TIMESTAMP(3),
    "lastInboundAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "lastOutboundAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3),
    "lastMessagePreview" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationIndex_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "conversationSid" TEXT NOT NULL,
    "fromUserId" TEXT,
    "toUserId" TEXT,
    "actorId" TEXT,
    "reason" "AssignmentReason" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "idempotencyToken" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReceipt_pkey" PRIMARY KEY ("idempotencyToken")
);

-- CreateIndex
CREATE INDEX "ConversationIndex_assigneeId_state_idx" ON "ConversationIndex"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "ConversationIndex_state_queuedAt_idx" ON "ConversationIndex"("state", "queuedAt");

-- CreateIndex
CREATE INDEX "ConversationIndex_customerAddress_twilioNumber_idx" ON "ConversationIndex"("customerAddress", "twilioNumber");

-- CreateIndex
CREATE INDEX "Assignment_conversationSid_createdAt_idx" ON "Assignment"("conversationSid", "createdAt");

-- AddForeignKey
ALTER TABLE "ConversationIndex" ADD CONSTRAINT "ConversationIndex_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_conversationSid_fkey" FOREIGN KEY ("conversationSid") REFERENCES "ConversationIndex"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
