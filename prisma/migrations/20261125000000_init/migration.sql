-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COMMUNITY_GROUP', 'PUBLIC_HEALTH', 'OTHER_PARTNER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OUTREACH_WORKER', 'NURSE', 'COORDINATOR', 'ORG_ADMIN');

-- CreateEnum
CREATE TYPE "SharedRecordKind" AS ENUM ('PROFILE', 'ENCOUNTERS_SUMMARY', 'ACCOMPANIMENTS', 'REFERRALS', 'NURSE_VISIT_LOGISTICS');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'OTHER', 'UNDISCLOSED');

-- CreateEnum
CREATE TYPE "AgeBracket" AS ENUM ('UNDER_18', 'AGE_18_25', 'AGE_26_35', 'AGE_36_PLUS', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('IN_PERSON', 'PHONE', 'SMS', 'ONLINE_PLATFORM', 'VIDEO');

-- CreateEnum
CREATE TYPE "PlaceType" AS ENUM ('WORKPLACE', 'OFFICE', 'HOME', 'PUBLIC_PLACE', 'BAR', 'NIGHT_CENTRE', 'ONLINE', 'CLINIC', 'OTHER');

-- CreateEnum
CREATE TYPE "Theme" AS ENUM ('SOCIAL_RELATIONS', 'SEXUALITY', 'SUBSTANCE_USE', 'FINANCES', 'MENTAL_HEALTH', 'HOUSING', 'JUSTICE', 'PHYSICAL_HEALTH', 'VIOLENCE', 'EMPLOYMENT', 'FOOD', 'OTHER');

-- CreateEnum
CREATE TYPE "MaterialItem" AS ENUM ('CONDOMS', 'LUBRICANT', 'SYRINGES', 'CRACK_KITS', 'NALOXONE_KITS', 'FOOD', 'HYGIENE_KITS', 'PREGNANCY_TESTS');

-- CreateEnum
CREATE TYPE "AccompanimentDestination" AS ENUM ('COURT', 'POLICE', 'HOSPITAL_OR_CLINIC', 'HOUSING', 'SOCIAL_SERVICES', 'DETOX_OR_TREATMENT', 'EMPLOYMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "AccompanimentStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "NurseVisitStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'COUNTER_PROPOSED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ClinicalActKind" AS ENUM ('STBBI_TEST', 'COUNSELLING', 'TREATMENT', 'CONTRACEPTION', 'VACCINATION', 'PREGNANCY_TEST', 'CONTRACEPTIVE_INJECTION', 'NALOXONE_TRAINING', 'WOUND_CARE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'WITHDRAWN', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_NO_CONTACT');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('ROUTINE', 'SOON', 'URGENT');

-- CreateEnum
CREATE TYPE "ReferralOutcome" AS ENUM ('CONNECTED_TO_SERVICE', 'PERSON_NOT_REACHED', 'DECLINED_BY_PERSON', 'SERVICE_UNAVAILABLE', 'REDIRECTED_ELSEWHERE', 'OTHER');

-- CreateEnum
CREATE TYPE "VenueKind" AS ENUM ('MASSAGE_PARLOUR', 'DANCERS_BAR', 'ESCORT_AGENCY', 'ONLINE_AD_PLATFORM', 'PARK', 'HOTEL', 'NIGHT_CENTRE', 'STREET_AREA', 'OTHER');

-- CreateTable
CREATE TABLE "organisations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "restrict_team_visibility" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnerships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "region" VARCHAR(120),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership_members" (
    "partnership_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_members_pkey" PRIMARY KEY ("partnership_id","organisation_id")
);

-- CreateTable
CREATE TABLE "sharing_agreements" (
    "partnership_id" UUID NOT NULL,
    "record_kinds" "SharedRecordKind"[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sharing_agreements_pkey" PRIMARY KEY ("partnership_id")
);

-- CreateTable
CREATE TABLE "committee_seats" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "partnership_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "committee_seats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "display_name" VARCHAR(120) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "locale" VARCHAR(5) NOT NULL DEFAULT 'fr',
    "calendar_feed_token_hash" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "roles" "Role"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "acting_organisation_id" UUID,
    "csrf_token" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(300),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64),
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "alias" VARCHAR(80) NOT NULL,
    "alias_search" VARCHAR(80) NOT NULL,
    "birth_year" SMALLINT,
    "gender" "Gender" NOT NULL DEFAULT 'UNDISCLOSED',
    "languages" VARCHAR(8)[],
    "may_text" BOOLEAN NOT NULL DEFAULT false,
    "may_leave_message" BOOLEAN NOT NULL DEFAULT false,
    "safe_contact_note" VARCHAR(500),
    "in_regular_follow_up" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_legal_names" (
    "person_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "legal_name" VARCHAR(200) NOT NULL,

    CONSTRAINT "person_legal_names_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "consents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "grantee_organisation_id" UUID,
    "grantee_partnership_id" UUID,
    "record_kinds" "SharedRecordKind"[],
    "starts_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" UUID,
    "recorded_by_id" UUID NOT NULL,
    "note" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "venues" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "kind" "VenueKind" NOT NULL,
    "visit_cadence_days" SMALLINT,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "address" VARCHAR(300),
    "agreements" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "venues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encounters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "person_id" UUID,
    "author_id" UUID NOT NULL,
    "co_worker_ids" UUID[],
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" "Channel" NOT NULL,
    "place_type" "PlaceType" NOT NULL,
    "venue_id" UUID,
    "themes" "Theme"[],
    "anonymous_gender" "Gender",
    "anonymous_age_bracket" "AgeBracket",
    "head_count" SMALLINT NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "encounters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "encounter_materials" (
    "encounter_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "item" "MaterialItem" NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "encounter_materials_pkey" PRIMARY KEY ("encounter_id","item")
);

-- CreateTable
CREATE TABLE "encounter_notes" (
    "encounter_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "body" VARCHAR(4000) NOT NULL,

    CONSTRAINT "encounter_notes_pkey" PRIMARY KEY ("encounter_id")
);

-- CreateTable
CREATE TABLE "accompaniments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "destination" "AccompanimentDestination" NOT NULL,
    "partner_organisation_id" UUID,
    "planned_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "AccompanimentStatus" NOT NULL DEFAULT 'PLANNED',
    "outcome" VARCHAR(1000),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accompaniments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accompaniment_notes" (
    "accompaniment_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "body" VARCHAR(4000) NOT NULL,

    CONSTRAINT "accompaniment_notes_pkey" PRIMARY KEY ("accompaniment_id")
);

-- CreateTable
CREATE TABLE "availability_slots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "start_minute" SMALLINT NOT NULL,
    "end_minute" SMALLINT NOT NULL,
    "valid_from" DATE,
    "valid_until" DATE,

    CONSTRAINT "availability_slots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "availability_exceptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(200),

    CONSTRAINT "availability_exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nurse_visits" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "nurse_id" UUID,
    "worker_id" UUID NOT NULL,
    "worker_organisation_id" UUID NOT NULL,
    "place_type" "PlaceType" NOT NULL,
    "planned_start" TIMESTAMPTZ(3) NOT NULL,
    "planned_end" TIMESTAMPTZ(3) NOT NULL,
    "status" "NurseVisitStatus" NOT NULL DEFAULT 'PROPOSED',
    "reason" VARCHAR(500),
    "proposed_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nurse_visits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nurse_visit_persons" (
    "nurse_visit_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,

    CONSTRAINT "nurse_visit_persons_pkey" PRIMARY KEY ("nurse_visit_id","person_id")
);

-- CreateTable
CREATE TABLE "clinical_acts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "nurse_visit_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" "ClinicalActKind" NOT NULL,
    "count" SMALLINT NOT NULL DEFAULT 1,

    CONSTRAINT "clinical_acts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinical_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "nurse_visit_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "person_id" UUID,
    "author_id" UUID NOT NULL,
    "body" VARCHAR(8000) NOT NULL,
    "results" VARCHAR(4000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinical_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "from_organisation_id" UUID NOT NULL,
    "from_user_id" UUID NOT NULL,
    "to_organisation_id" UUID NOT NULL,
    "consent_id" UUID NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "service_requested" VARCHAR(200) NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "message" VARCHAR(2000),
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "outcome" "ReferralOutcome",
    "outcome_note" VARCHAR(1000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_transitions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "referral_id" UUID NOT NULL,
    "from_status" "ReferralStatus",
    "to_status" "ReferralStatus" NOT NULL,
    "by_user_id" UUID NOT NULL,
    "by_organisation_id" UUID NOT NULL,
    "message" VARCHAR(2000),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "safety_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "partnership_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "published_by_id" UUID NOT NULL,
    "what_happened" VARCHAR(2000) NOT NULL,
    "aggressor_description" VARCHAR(1000),
    "vehicle_description" VARCHAR(500),
    "area" VARCHAR(200) NOT NULL,
    "occurred_on" DATE NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "safety_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "user_id" UUID,
    "kind" VARCHAR(60) NOT NULL,
    "record_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "organisation_id" UUID,
    "action" VARCHAR(60) NOT NULL,
    "record_kind" VARCHAR(40) NOT NULL,
    "record_id" VARCHAR(64),
    "ip" VARCHAR(64),
    "details" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partnership_members_organisation_id_idx" ON "partnership_members"("organisation_id");

-- CreateIndex
CREATE INDEX "committee_seats_partnership_id_idx" ON "committee_seats"("partnership_id");

-- CreateIndex
CREATE UNIQUE INDEX "committee_seats_user_id_partnership_id_key" ON "committee_seats"("user_id", "partnership_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_calendar_feed_token_hash_key" ON "users"("calendar_feed_token_hash");

-- CreateIndex
CREATE INDEX "memberships_organisation_id_idx" ON "memberships"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_user_id_organisation_id_key" ON "memberships"("user_id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts"("email", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts"("ip", "at");

-- CreateIndex
CREATE INDEX "persons_organisation_id_alias_search_idx" ON "persons"("organisation_id", "alias_search");

-- CreateIndex
CREATE INDEX "persons_organisation_id_created_at_idx" ON "persons"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "person_legal_names_organisation_id_idx" ON "person_legal_names"("organisation_id");

-- CreateIndex
CREATE INDEX "consents_person_id_idx" ON "consents"("person_id");

-- CreateIndex
CREATE INDEX "consents_grantee_organisation_id_person_id_idx" ON "consents"("grantee_organisation_id", "person_id");

-- CreateIndex
CREATE INDEX "consents_grantee_partnership_id_person_id_idx" ON "consents"("grantee_partnership_id", "person_id");

-- CreateIndex
CREATE INDEX "venues_organisation_id_idx" ON "venues"("organisation_id");

-- CreateIndex
CREATE INDEX "encounters_organisation_id_occurred_at_idx" ON "encounters"("organisation_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "encounters_person_id_occurred_at_idx" ON "encounters"("person_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "encounters_venue_id_occurred_at_idx" ON "encounters"("venue_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "encounter_materials_organisation_id_idx" ON "encounter_materials"("organisation_id");

-- CreateIndex
CREATE INDEX "encounter_notes_organisation_id_idx" ON "encounter_notes"("organisation_id");

-- CreateIndex
CREATE INDEX "accompaniments_organisation_id_planned_at_idx" ON "accompaniments"("organisation_id", "planned_at");

-- CreateIndex
CREATE INDEX "accompaniments_person_id_planned_at_idx" ON "accompaniments"("person_id", "planned_at" DESC);

-- CreateIndex
CREATE INDEX "accompaniments_worker_id_planned_at_idx" ON "accompaniments"("worker_id", "planned_at");

-- CreateIndex
CREATE INDEX "accompaniment_notes_organisation_id_idx" ON "accompaniment_notes"("organisation_id");

-- CreateIndex
CREATE INDEX "availability_slots_user_id_idx" ON "availability_slots"("user_id");

-- CreateIndex
CREATE INDEX "availability_slots_organisation_id_idx" ON "availability_slots"("organisation_id");

-- CreateIndex
CREATE INDEX "availability_exceptions_user_id_starts_at_idx" ON "availability_exceptions"("user_id", "starts_at");

-- CreateIndex
CREATE INDEX "nurse_visits_organisation_id_planned_start_idx" ON "nurse_visits"("organisation_id", "planned_start");

-- CreateIndex
CREATE INDEX "nurse_visits_worker_organisation_id_planned_start_idx" ON "nurse_visits"("worker_organisation_id", "planned_start");

-- CreateIndex
CREATE INDEX "nurse_visits_nurse_id_planned_start_idx" ON "nurse_visits"("nurse_id", "planned_start");

-- CreateIndex
CREATE INDEX "nurse_visits_worker_id_planned_start_idx" ON "nurse_visits"("worker_id", "planned_start");

-- CreateIndex
CREATE INDEX "nurse_visit_persons_person_id_idx" ON "nurse_visit_persons"("person_id");

-- CreateIndex
CREATE INDEX "clinical_acts_nurse_visit_id_idx" ON "clinical_acts"("nurse_visit_id");

-- CreateIndex
CREATE INDEX "clinical_acts_organisation_id_idx" ON "clinical_acts"("organisation_id");

-- CreateIndex
CREATE INDEX "clinical_notes_nurse_visit_id_idx" ON "clinical_notes"("nurse_visit_id");

-- CreateIndex
CREATE INDEX "clinical_notes_organisation_id_idx" ON "clinical_notes"("organisation_id");

-- CreateIndex
CREATE INDEX "referrals_to_organisation_id_status_created_at_idx" ON "referrals"("to_organisation_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "referrals_from_organisation_id_status_created_at_idx" ON "referrals"("from_organisation_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "referrals_person_id_idx" ON "referrals"("person_id");

-- CreateIndex
CREATE INDEX "referral_transitions_referral_id_at_idx" ON "referral_transitions"("referral_id", "at");

-- CreateIndex
CREATE INDEX "safety_alerts_partnership_id_expires_at_idx" ON "safety_alerts"("partnership_id", "expires_at");

-- CreateIndex
CREATE INDEX "notifications_organisation_id_user_id_created_at_idx" ON "notifications"("organisation_id", "user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_organisation_id_at_idx" ON "audit_events"("organisation_id", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_organisation_id_user_id_at_idx" ON "audit_events"("organisation_id", "user_id", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_organisation_id_record_id_idx" ON "audit_events"("organisation_id", "record_id");

-- AddForeignKey
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_seats" ADD CONSTRAINT "committee_seats_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_seats" ADD CONSTRAINT "committee_seats_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_legal_names" ADD CONSTRAINT "person_legal_names_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_grantee_organisation_id_fkey" FOREIGN KEY ("grantee_organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_grantee_partnership_id_fkey" FOREIGN KEY ("grantee_partnership_id") REFERENCES "partnerships"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "venues" ADD CONSTRAINT "venues_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_materials" ADD CONSTRAINT "encounter_materials_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter_notes" ADD CONSTRAINT "encounter_notes_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accompaniment_notes" ADD CONSTRAINT "accompaniment_notes_accompaniment_id_fkey" FOREIGN KEY ("accompaniment_id") REFERENCES "accompaniments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nurse_visits" ADD CONSTRAINT "nurse_visits_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nurse_visits" ADD CONSTRAINT "nurse_visits_worker_organisation_id_fkey" FOREIGN KEY ("worker_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nurse_visit_persons" ADD CONSTRAINT "nurse_visit_persons_nurse_visit_id_fkey" FOREIGN KEY ("nurse_visit_id") REFERENCES "nurse_visits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nurse_visit_persons" ADD CONSTRAINT "nurse_visit_persons_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_acts" ADD CONSTRAINT "clinical_acts_nurse_visit_id_fkey" FOREIGN KEY ("nurse_visit_id") REFERENCES "nurse_visits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_nurse_visit_id_fkey" FOREIGN KEY ("nurse_visit_id") REFERENCES "nurse_visits"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_fkey" FOREIGN KEY ("from_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_fkey" FOREIGN KEY ("to_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_transitions" ADD CONSTRAINT "referral_transitions_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

