-- CreateEnum
CREATE TYPE "RepairKind" AS ENUM ('INDEXED', 'ROUTED');

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "eventType" TEXT,
    "conversationSid" TEXT,
    "reference" TEXT,
    "reason" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconcilerRepair" (
    "id" TEXT NOT NULL,
    "conversationSid" TEXT NOT NULL,
    "kind" "RepairKind" NOT NULL,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "ReconcilerRepair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeadLetter_reference_key" ON "DeadLetter"("reference");

-- CreateIndex
CREATE INDEX "DeadLetter_resolvedAt_acknowledgedAt_createdAt_idx" ON "DeadLetter"("resolvedAt", "acknowledgedAt", "createdAt");

-- CreateIndex
CREATE INDEX "ReconcilerRepair_acknowledgedAt_createdAt_idx" ON "ReconcilerRepair"("acknowledgedAt", "createdAt");

-- CreateIndex
CREATE INDEX "ReconcilerRepair_conversationSid_idx" ON "ReconcilerRepair"("conversationSid");
