-- Passwords now need proof that the address owner chose them (issue 12 §2). Existing
-- hashes are left unverified on purpose: any of them may have been typed by someone who
-- signed up with another person's address. Their owners confirm one through sign-up or a
-- reset, and their first e-mail-link sign-in clears it.

-- CreateEnum
CREATE TYPE "PasswordTokenPurpose" AS ENUM ('CONFIRM_SIGN_UP', 'RESET');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PasswordToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "purpose" "PasswordTokenPurpose" NOT NULL,
    "passwordHash" TEXT,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordToken_email_purpose_idx" ON "PasswordToken"("email", "purpose");
