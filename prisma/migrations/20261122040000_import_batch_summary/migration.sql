-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'incidents',
ADD COLUMN "summary" JSONB;
