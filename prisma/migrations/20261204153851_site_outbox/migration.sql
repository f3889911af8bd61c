-- CreateTable
CREATE TABLE "SiteChange" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT,
    "year" INTEGER,
    "staleSlug" VARCHAR(80),
    "reason" VARCHAR(40) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "claimedBy" VARCHAR(80),
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "SiteChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SiteChange_doneAt_id_idx" ON "SiteChange"("doneAt", "id");
