-- Delivery updates arrive in any order: the latest delivery decides whether a failure still stands.
-- AlterTable
ALTER TABLE "ConversationIndex" ADD COLUMN     "deliveredAt" TIMESTAMP(3);
