-- Aggregate indicators for dashboards: counts only, never a person. Committees see their
-- partnership's (the API then suppresses small cells); coordinators their organisation's, exact.

CREATE FUNCTION app.indicator_counts(p_organisation_ids uuid[], p_from timestamptz, p_to timestamptz)
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
        SELECT m.item, sum(m.quantity) n FROM encounter_materials m JOIN e ON e.id = m.encounter_id GROUP BY 1) x),
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
REVOKE ALL ON FUNCTION app.indicator_counts(uuid[], timestamptz, timestamptz) FROM PUBLIC;

-- A committee member of the partnership gets the partnership's counts; anyone else NULL.
CREATE FUNCTION app.partnership_indicators(p_partnership_id uuid, p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.indicator_counts(
           (SELECT array_agg(organisation_id) FROM partnership_members WHERE partnership_id = p_partnership_id),
           p_from, p_to)
   WHERE EXISTS (SELECT 1 FROM committee_seats s WHERE s.partnership_id = p_partnership_id AND s.user_id = app.user_id())
$$;
REVOKE ALL ON FUNCTION app.partnership_indicators(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.partnership_indicators(uuid, timestamptz, timestamptz) TO maillage_app;

-- A coordinator's own organisation, exact.
CREATE FUNCTION app.organisation_indicators(p_from timestamptz, p_to timestamptz)
  RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT app.indicator_counts(ARRAY[app.org_id()], p_from, p_to)
   WHERE app.org_id() IS NOT NULL AND app.has_any_role('{COORDINATOR}')
$$;
REVOKE ALL ON FUNCTION app.organisation_indicators(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.organisation_indicators(timestamptz, timestamptz) TO maillage_app;
