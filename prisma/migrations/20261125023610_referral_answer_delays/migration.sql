-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "referral_answer_days_routine" SMALLINT NOT NULL DEFAULT 7,
ADD COLUMN     "referral_answer_days_soon" SMALLINT NOT NULL DEFAULT 3,
ADD COLUMN     "referral_answer_days_urgent" SMALLINT NOT NULL DEFAULT 1;
