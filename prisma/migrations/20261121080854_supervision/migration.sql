-- AlterTable
ALTER TABLE "ConversationIndex" ADD COLUMN     "awaitingReplySince" TIMESTAMP(3),
ADD COLUMN     "deliveryErrorCode" TEXT,
ADD COLUMN     "deliveryFailedAt" TIMESTAMP(3),
ADD COLUMN     "members" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Note" (
    "id" TEXT NOT NULL,
    "conversationSid" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CannedResponse" (
    "id" TEXT NOT NULL,
    "shortcut" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CannedResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationPresence" (
    "userId" TEXT NOT NULL,
    "conversationSid" TEXT NOT NULL,
    "viewingAt" TIMESTAMP(3) NOT NULL,
    "typingAt" TIMESTAMP(3),

    CONSTRAINT "ConversationPresence_pkey" PRIMARY KEY ("userId","conversationSid")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "conversationSid" TEXT,
    "details" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "firstResponseSeconds" INTEGER NOT NULL DEFAULT 300,
    "replyWaitSeconds" INTEGER NOT NULL DEFAULT 600,

    CONSTRAINT "TeamSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Note_conversationSid_createdAt_idx" ON "Note"("conversationSid", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CannedResponse_shortcut_key" ON "CannedResponse"("shortcut");

-- CreateIndex
CREATE INDEX "ConversationPresence_conversationSid_viewingAt_idx" ON "ConversationPresence"("conversationSid", "viewingAt");

-- CreateIndex
CREATE INDEX "AuditEntry_conversationSid_createdAt_idx" ON "AuditEntry"("conversationSid", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_conversationSid_fkey" FOREIGN KEY ("conversationSid") REFERENCES "ConversationIndex"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationPresence" ADD CONSTRAINT "ConversationPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
