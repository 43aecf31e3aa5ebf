-- AlterTable
ALTER TABLE "ConversationIndex" ADD COLUMN     "contactId" TEXT;

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactAddress" (
    "address" TEXT NOT NULL,
    "channel" "ConversationChannel" NOT NULL,
    "contactId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactAddress_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "ContactNote" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactMerge" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "addresses" TEXT[],
    "conversationSids" TEXT[],
    "noteIds" TEXT[],
    "targetNameBefore" TEXT,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "ContactMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactAddress_contactId_idx" ON "ContactAddress"("contactId");

-- CreateIndex
CREATE INDEX "ContactNote_contactId_createdAt_idx" ON "ContactNote"("contactId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactMerge_targetId_idx" ON "ContactMerge"("targetId");

-- CreateIndex
CREATE INDEX "ConversationIndex_contactId_createdAt_idx" ON "ConversationIndex"("contactId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConversationIndex" ADD CONSTRAINT "ConversationIndex_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAddress" ADD CONSTRAINT "ContactAddress_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactNote" ADD CONSTRAINT "ContactNote_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactNote" ADD CONSTRAINT "ContactNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: one contact per customer address already indexed (1:1 conversations), named as its
-- newest named conversation names it, and every such conversation linked to it. New
-- conversations are linked as their webhooks arrive (lib/contacts/link-contact.ts).
INSERT INTO "Contact" ("id", "name", "updatedAt")
SELECT 'c' || md5(a."customerAddress"),
       (SELECT c."customerName" FROM "ConversationIndex" c
         WHERE c."customerAddress" = a."customerAddress" AND c."customerName" IS NOT NULL
         ORDER BY c."createdAt" DESC LIMIT 1),
       CURRENT_TIMESTAMP
FROM (SELECT DISTINCT "customerAddress" FROM "ConversationIndex" WHERE "customerAddress" IS NOT NULL AND "channel" <> 'GROUP') a;

INSERT INTO "ContactAddress" ("address", "channel", "contactId")
SELECT DISTINCT ON ("customerAddress") "customerAddress", "channel", 'c' || md5("customerAddress")
FROM "ConversationIndex" WHERE "customerAddress" IS NOT NULL AND "channel" <> 'GROUP'
ORDER BY "customerAddress", "createdAt" DESC;

UPDATE "ConversationIndex" SET "contactId" = 'c' || md5("customerAddress")
WHERE "customerAddress" IS NOT NULL AND "channel" <> 'GROUP';

UPDATE "ConversationIndex" i SET "customerName" = c."name"
FROM "Contact" c WHERE i."contactId" = c."id" AND c."name" IS NOT NULL;
