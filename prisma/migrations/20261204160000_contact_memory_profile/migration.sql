-- A contact's Conversations v2 Memory profile, found by their addresses in the Memory stores the
-- orchestration configurations use, and kept here so the contact panel does not ask Twilio on
-- every read: the outcome of the last lookup, when it ran, and the profile's traits as then read.
CREATE TYPE "MemoryLookup" AS ENUM ('LINKED', 'NONE', 'NOT_CONFIGURED', 'UNAVAILABLE');

ALTER TABLE "Contact"
  ADD COLUMN "memoryLookup" "MemoryLookup",
  ADD COLUMN "memoryStoreId" TEXT,
  ADD COLUMN "memoryProfileId" TEXT,
  ADD COLUMN "memoryTraits" JSONB,
  ADD COLUMN "memoryCheckedAt" TIMESTAMP(3);
