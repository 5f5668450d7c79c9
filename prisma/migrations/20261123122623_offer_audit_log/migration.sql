-- CreateTable
CREATE TABLE "OfferAuditEntry" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfferAuditEntry_offerId_createdAt_idx" ON "OfferAuditEntry"("offerId", "createdAt");
