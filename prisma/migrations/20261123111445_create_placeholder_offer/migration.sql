-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "insurer" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Offer_insurer_formula_key" ON "Offer"("insurer", "formula");
