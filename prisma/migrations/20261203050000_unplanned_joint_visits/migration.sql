-- Joint visits recorded after they happened (issue 16 item 2): by the nurse, completed at once
-- with her acts (recordPastNurseVisit); by the worker, awaiting the nurse's confirmation
-- (submitPastNurseVisit), which she gives with her acts (completeNurseVisit) or refuses
-- (respondToNurseVisit DECLINE). Overlap checks now count completed and awaiting visits.
--
-- The new enum value cannot be used in the transaction that adds it (each migration runs in one):
-- the policies and the function below compare status as text.

ALTER TYPE "NurseVisitStatus" ADD VALUE 'AWAITING_CONFIRMATION';

-- Recorded after it happened, without propose/accept; planned_start/planned_end are then when
-- it took place.
ALTER TABLE "nurse_visits" ADD COLUMN "recorded_after" BOOLEAN NOT NULL DEFAULT false;

-- ───────────── who inserts which visit ─────────────
-- A booking is inserted proposed (proposeNurseVisit). A visit recorded after it happened is
-- inserted completed only by its own nurse, in her organisation (only the visit's nurse
-- completes a visit, DESIGN.md §3 — as nurse_visits_completed_by_its_nurse holds for updates),
-- or awaiting confirmation only by its own worker, in hers. Stricter only (RESTRICTIVE).
CREATE POLICY nurse_visits_inserted_by_their_recorder ON nurse_visits AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (CASE
    WHEN NOT recorded_after THEN status::text = 'PROPOSED'
    WHEN status::text = 'COMPLETED' THEN
      nurse_id = app.user_id() AND proposed_by_id = app.user_id()
      AND organisation_id = app.org_id() AND app.has_any_role('{NURSE}')
    WHEN status::text = 'AWAITING_CONFIRMATION' THEN
      worker_id = app.user_id() AND proposed_by_id = app.user_id() AND worker_organisation_id = app.org_id()
    ELSE false
  END);

-- ───────────── persons on a visit ─────────────
-- As before, the co-visiting worker's organisation attaches a person of its own; now also the
-- visit's nurse, to a visit she recorded herself after it happened (recordPastNurseVisit) — and
-- in both cases only a person of the worker's organisation with a consent in force of hers,
-- recorded by that organisation, naming the visit's (nurse's) organisation or a partnership
-- holding it whose agreement shares the profile (apps/api/src/access/consent-checks.ts): the
-- nurse's organisation may see her (booking-consents.ts). The same rule, never wider.
DROP POLICY nurse_visit_persons_booked_with_consent ON nurse_visit_persons;
CREATE POLICY nurse_visit_persons_booked_with_consent ON nurse_visit_persons AS RESTRICTIVE FOR INSERT TO maillage_app
  WITH CHECK (EXISTS (
    SELECT 1
      FROM nurse_visits v
      JOIN persons p ON p.id = nurse_visit_persons.person_id AND p.organisation_id = v.worker_organisation_id
     WHERE v.id = nurse_visit_persons.nurse_visit_id
       AND (v.worker_organisation_id = app.org_id()
            OR (v.organisation_id = app.org_id() AND v.nurse_id = app.user_id()
                AND v.recorded_after AND v.proposed_by_id = app.user_id()))
       AND EXISTS (
         SELECT 1 FROM consents c
          WHERE c.person_id = p.id
            AND c.organisation_id = p.organisation_id
            AND 'PROFILE' = ANY (c.record_kinds::text[])
            AND c.withdrawn_at IS NULL
            AND c.starts_at <= now()
            AND (c.expires_at IS NULL OR c.expires_at > now())
            AND (c.grantee_organisation_id = v.organisation_id
                 OR c.grantee_partnership_id IN (
                      SELECT pm.partnership_id FROM partnership_members pm
                        JOIN sharing_agreements sa ON sa.partnership_id = pm.partnership_id
                       WHERE pm.organisation_id = v.organisation_id
                         AND 'PROFILE' = ANY (sa.record_kinds::text[])))
            AND EXISTS (
              SELECT 1 FROM partnership_members own_pm
                JOIN partnership_members their_pm ON their_pm.partnership_id = own_pm.partnership_id
                JOIN sharing_agreements sa ON sa.partnership_id = own_pm.partnership_id
               WHERE own_pm.organisation_id = p.organisation_id
                 AND their_pm.organisation_id = v.organisation_id
                 AND 'PROFILE' = ANY (sa.record_kinds::text[])))));

-- ───────────── commitments: completed and awaiting visits hold their time ─────────────
-- A nurse or a worker is never on two visits at once, booked or recorded after it happened
-- (packages/domain joint-visits.ts visitStatusesHoldingTime): before, a completed visit freed
-- its hour, and one nurse could hold 72 overlapping completed visits in it.
CREATE OR REPLACE FUNCTION app.commitments(p_user_ids uuid[], p_from timestamptz, p_to timestamptz)
  RETURNS TABLE (user_id uuid, starts_at timestamptz, ends_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH allowed AS (
    SELECT DISTINCT m.user_id FROM memberships m
     WHERE m.user_id = ANY (p_user_ids) AND m.ended_at IS NULL
       AND m.organisation_id IN (SELECT app.partner_organisation_ids())
  )
  SELECT e.user_id, e.starts_at, e.ends_at FROM availability_exceptions e
   WHERE e.user_id IN (SELECT user_id FROM allowed) AND e.starts_at < p_to AND e.ends_at > p_from
  UNION ALL
  SELECT u.user_id, v.planned_start, v.planned_end
    FROM nurse_visits v
    CROSS JOIN LATERAL (VALUES (v.nurse_id), (v.worker_id)) AS u(user_id)
   WHERE u.user_id IN (SELECT user_id FROM allowed)
     AND v.status::text IN ('PROPOSED', 'COUNTER_PROPOSED', 'ACCEPTED', 'AWAITING_CONFIRMATION', 'COMPLETED')
     AND v.planned_start < p_to AND v.planned_end > p_from
  UNION ALL
  SELECT a.worker_id, a.planned_at, a.planned_at + interval '2 hours' FROM accompaniments a
   WHERE a.worker_id IN (SELECT user_id FROM allowed) AND a.status = 'PLANNED'
     AND a.planned_at < p_to AND a.planned_at + interval '2 hours' > p_from
$$;
