-- CreateIndex
CREATE INDEX "referrals_to_organisation_id_updated_at_id_idx" ON "referrals"("to_organisation_id", "updated_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "referrals_from_organisation_id_updated_at_id_idx" ON "referrals"("from_organisation_id", "updated_at" DESC, "id" DESC);

-- The persons shared with the viewer's organisation, found from the consents that name it or a
-- partnership of it (their indexes), instead of from every consent of every organisation:
-- the referral inbox of a community group went from ~50 ms to ~7 ms of PostgreSQL time per
-- page at 100,000 persons (benchmark). Same rule, same results.
CREATE OR REPLACE FUNCTION app.shared_person_ids(kind "SharedRecordKind")
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  -- Consents naming the viewer's organisation…
  SELECT c.person_id
    FROM consents c
    JOIN persons p ON p.id = c.person_id AND p.organisation_id = c.organisation_id
   WHERE c.grantee_organisation_id = app.org_id()
     AND c.organisation_id <> app.org_id()
     AND c.withdrawn_at IS NULL
     AND c.starts_at <= now()
     AND (c.expires_at IS NULL OR c.expires_at > now())
     AND kind = ANY (c.record_kinds)
     AND EXISTS (
       SELECT 1
         FROM partnership_members owner_member
         JOIN partnership_members viewer_member
           ON viewer_member.partnership_id = owner_member.partnership_id
         JOIN sharing_agreements agreement
           ON agreement.partnership_id = owner_member.partnership_id
        WHERE owner_member.organisation_id = c.organisation_id
          AND viewer_member.organisation_id = app.org_id()
          AND kind = ANY (agreement.record_kinds))
  UNION
  -- …and consents naming a partnership of it, within that partnership.
  SELECT c.person_id
    FROM partnership_members viewer_member
    JOIN sharing_agreements agreement
      ON agreement.partnership_id = viewer_member.partnership_id AND kind = ANY (agreement.record_kinds)
    JOIN consents c ON c.grantee_partnership_id = viewer_member.partnership_id
    JOIN partnership_members owner_member
      ON owner_member.partnership_id = viewer_member.partnership_id
     AND owner_member.organisation_id = c.organisation_id
    JOIN persons p ON p.id = c.person_id AND p.organisation_id = c.organisation_id
   WHERE viewer_member.organisation_id = app.org_id()
     AND c.organisation_id <> app.org_id()
     AND c.withdrawn_at IS NULL
     AND c.starts_at <= now()
     AND (c.expires_at IS NULL OR c.expires_at > now())
     AND kind = ANY (c.record_kinds)
$$;

-- Materials are counted from the organisations' own rows (their index) joined to the year's
-- encounters, instead of from every material of every organisation: a material belongs to its
-- encounter's organisation. The rest of the indicators is unchanged.
CREATE OR REPLACE FUNCTION app.indicator_counts(p_organisation_ids uuid[], p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH e AS (
    SELECT id, person_id, channel, place_type, themes, head_count
      FROM encounters
     WHERE organisation_id = ANY (p_organisation_ids) AND occurred_at >= p_from AND occurred_at < p_to
  ),
  met AS (
    SELECT DISTINCT p.id, p.gender, p.birth_year FROM e JOIN persons p ON p.id = e.person_id
  ),
  visits AS (
    SELECT v.id FROM nurse_visits v
     WHERE (v.organisation_id = ANY (p_organisation_ids) OR v.worker_organisation_id = ANY (p_organisation_ids))
       AND v.status = 'COMPLETED' AND v.planned_start >= p_from AND v.planned_start < p_to
  )
  SELECT jsonb_build_object(
    'encounters', (SELECT count(*) FROM e),
    'contacts', (SELECT coalesce(sum(head_count), 0) FROM e),
    'personsMet', (SELECT count(*) FROM met),
    'byPlace', (SELECT coalesce(jsonb_object_agg(place_type, n), '{}') FROM (SELECT place_type, count(*) n FROM e GROUP BY 1) x),
    'byChannel', (SELECT coalesce(jsonb_object_agg(channel, n), '{}') FROM (SELECT channel, count(*) n FROM e GROUP BY 1) x),
    'byTheme', (SELECT coalesce(jsonb_object_agg(theme, n), '{}') FROM (SELECT unnest(themes) theme, count(*) n FROM e GROUP BY 1) x),
    'materials', (SELECT coalesce(jsonb_object_agg(item, n), '{}') FROM (
        SELECT m.item, sum(m.quantity) n FROM encounter_materials m JOIN e ON e.id = m.encounter_id
         WHERE m.organisation_id = ANY (p_organisation_ids) GROUP BY 1) x),
    'personsByGender', (SELECT coalesce(jsonb_object_agg(gender, n), '{}') FROM (SELECT gender, count(*) n FROM met GROUP BY 1) x),
    'personsByAge', (SELECT coalesce(jsonb_object_agg(bracket, n), '{}') FROM (
        SELECT CASE WHEN birth_year IS NULL THEN 'UNKNOWN'
                    WHEN extract(year FROM p_to) - birth_year < 18 THEN 'UNDER_18'
                    WHEN extract(year FROM p_to) - birth_year <= 25 THEN 'AGE_18_25'
                    WHEN extract(year FROM p_to) - birth_year <= 35 THEN 'AGE_26_35'
                    ELSE 'AGE_36_PLUS' END AS bracket, count(*) n
          FROM met GROUP BY 1) x),
    'visitsCompleted', (SELECT count(*) FROM visits),
    'acts', (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (
        SELECT a.kind, sum(a.count) n FROM clinical_acts a JOIN visits v ON v.id = a.nurse_visit_id GROUP BY 1) x),
    'accompaniments', (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (
        SELECT status, count(*) n FROM accompaniments
         WHERE organisation_id = ANY (p_organisation_ids) AND planned_at >= p_from AND planned_at < p_to GROUP BY 1) x),
    'referrals', (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (
        SELECT status, count(*) n FROM referrals
         WHERE from_organisation_id = ANY (p_organisation_ids) AND created_at >= p_from AND created_at < p_to GROUP BY 1) x)
  )
$$;
