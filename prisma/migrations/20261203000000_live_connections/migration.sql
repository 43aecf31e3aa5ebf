-- Presence and collision detection follow the live event streams: one row per open stream.
DROP TABLE "ConversationPresence";

-- CreateTable
CREATE TABLE "LiveConnection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "conversationSid" TEXT,
    "connectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveConnection_userId_idx" ON "LiveConnection"("userId");

-- CreateIndex
CREATE INDEX "LiveConnection_seenAt_idx" ON "LiveConnection"("seenAt");

-- AddForeignKey
ALTER TABLE "LiveConnection" ADD CONSTRAINT "LiveConnection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
