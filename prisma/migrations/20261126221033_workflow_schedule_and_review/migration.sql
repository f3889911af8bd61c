-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "scheduledById" TEXT,
ADD COLUMN     "scheduledChangeNote" TEXT;

-- AlterTable
ALTER TABLE "ReportEdition" ADD COLUMN     "reviewedAfterAt" TIMESTAMP(3),
ADD COLUMN     "unreviewedReason" TEXT;
