-- Québec's private-sector privacy law (Law 25) duties (issue 18 item 8): per-organisation
-- retention with de-identification, destruction on request, the confidentiality-incident
-- register, and "who viewed this file" for the owning organisation, partners' reads included.
-- The API side is apps/api/src/modules/privacy/.

-- ───────────── retention: how long a file without activity is kept ─────────────

-- Years without activity after which a person's file is de-identified (null: never, by an
-- explicit choice of the organisation's coordinators). A new organisation starts at 5 years.
-- Existing organisations start off (null): switching it on for them here would de-identify, at
-- the first daily run, files nobody had reviewed; their coordinators see the dry run first.
ALTER TABLE "organisations" ADD COLUMN "retention_years" SMALLINT;
ALTER TABLE "organisations" ALTER COLUMN "retention_years" SET DEFAULT 5;
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_retention_years_range"
  CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 30);
-- Set by its coordinators (policy organisations_settings_by_coordinators holds the row to the
-- acting organisation and the role).
GRANT UPDATE (retention_years) ON organisations TO maillage_app;

-- When the file was de-identified (by the retention job or at the person's request).
ALTER TABLE "persons" ADD COLUMN "deidentified_at" TIMESTAMPTZ(3);

-- ───────────── the read audit names the file's organisation ─────────────

-- The organisation that owns the record an event is about (a person's file): set by the
-- database, never by the writer, so a partner's read is found by the owner ("who viewed this
-- file", app.person_file_reads) while the row stays the partner's (RLS: the partner's
-- coordinators and admins read it in their log; the owner reads it only through the function,
-- which hands out no address and no partner member's name).
ALTER TABLE "audit_events" ADD COLUMN "subject_organisation_id" UUID;
CREATE INDEX "audit_events_subject_organisation_id_record_id_at_idx"
  ON "audit_events"("subject_organisation_id", "record_id", "at" DESC);

CREATE FUNCTION app.audit_event_subject() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  NEW.subject_organisation_id := NULL;
  IF NEW.record_kind = 'PERSON'
     AND NEW.record_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    SELECT p.organisation_id INTO NEW.subject_organisation_id FROM persons p WHERE p.id = NEW.record_id::uuid;
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.audit_event_subject() FROM PUBLIC;
CREATE TRIGGER audit_events_subject BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION app.audit_event_subject();

-- The events written before this migration.
UPDATE audit_events e SET subject_organisation_id = p.organisation_id
  FROM persons p
 WHERE e.record_kind = 'PERSON' AND e.record_id = p.id::text;

-- Who read a person's file, for the coordinators of the organisation that owns it: its own
-- members by name, a partner's by organisation and role only (the partner's own log names
-- them); never an address.
CREATE FUNCTION app.person_file_reads(p_person uuid, p_limit int)
  RETURNS TABLE (
    read_at timestamptz,
    action text,
    reader_organisation_id uuid,
    reader_organisation_name text,
    reader_user_id uuid,
    reader_name text,
    reader_roles text[]
  )
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT app.has_any_role('{COORDINATOR}') THEN
    RAISE EXCEPTION 'not a coordinator' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT e.at, e.action::text, e.organisation_id, o.name::text,
           CASE WHEN e.organisation_id = app.org_id() THEN e.user_id END,
           CASE WHEN e.organisation_id = app.org_id() THEN u.display_name::text END,
           coalesce(m.roles::text[], '{}')
      FROM persons p
      JOIN audit_events e ON e.subject_organisation_id = p.organisation_id AND e.record_id = p.id::text
      LEFT JOIN organisations o ON o.id = e.organisation_id
      LEFT JOIN users u ON u.id = e.user_id
      LEFT JOIN memberships m ON m.user_id = e.user_id AND m.organisation_id = e.organisation_id
     WHERE p.id = p_person
       AND p.organisation_id = app.org_id()
       AND e.action IN ('READ_PERSON_FILE', 'READ_LEGAL_NAME', 'PERSON_DATA_EXPORTED')
     ORDER BY e.at DESC, e.id DESC
     LIMIT least(greatest(p_limit, 1), 500);
END
$$;
REVOKE ALL ON FUNCTION app.person_file_reads(uuid, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.person_file_reads(uuid, int) TO maillage_app;

-- ───────────── activity, the retention schedule and de-identification ─────────────

-- A person's last activity: the latest of her file's opening or change, and of anything done
-- with or for her — encounters, accompaniments, referrals and their steps, joint visits,
-- consents given or withdrawn, the intake form, deliveries, clinical notes, a member starting to
-- follow her. A record's own change (a correction) counts: the file is in use.
CREATE FUNCTION app.person_last_activity(p_person uuid) RETURNS timestamptz
  LANGUAGE sql STABLE
  SET search_path = public, pg_temp
AS $$
  SELECT max(t) FROM (
    SELECT greatest(p.created_at, p.updated_at) FROM persons p WHERE p.id = p_person
    UNION ALL SELECT max(greatest(e.occurred_at, e.updated_at)) FROM encounters e WHERE e.person_id = p_person
    UNION ALL SELECT max(greatest(a.planned_at, a.updated_at, a.closed_at))
      FROM accompaniments a WHERE a.person_id = p_person
    UNION ALL SELECT max(greatest(r.created_at, r.updated_at)) FROM referrals r WHERE r.person_id = p_person
    UNION ALL SELECT max(greatest(v.planned_end, v.updated_at))
      FROM nurse_visit_persons vp JOIN nurse_visits v ON v.id = vp.nurse_visit_id
     WHERE vp.person_id = p_person
    UNION ALL SELECT max(greatest(c.created_at, c.starts_at, c.withdrawn_at))
      FROM consents c WHERE c.person_id = p_person
    UNION ALL SELECT max(greatest(i.assessed_at, i.updated_at))
      FROM intake_assessments i WHERE i.person_id = p_person
    UNION ALL SELECT max(d.updated_at) FROM material_deliveries d WHERE d.person_id = p_person
    UNION ALL SELECT max(n.created_at) FROM clinical_notes n WHERE n.person_id = p_person
    UNION ALL SELECT max(f.created_at) FROM person_followers f WHERE f.person_id = p_person
  ) activity(t)
$$;
REVOKE ALL ON FUNCTION app.person_last_activity(uuid) FROM PUBLIC;

-- The files whose retention ends by p_now + p_horizon: the organisations' own period, or
-- p_years instead (a coordinator previewing a period before setting it). Merged files follow the
-- file they were merged into; de-identified ones are done.
CREATE FUNCTION app.retention_due(
  p_now timestamptz,
  p_horizon interval,
  p_organisation_ids uuid[],
  p_years int DEFAULT NULL
)
  RETURNS TABLE (organisation_id uuid, person_id uuid, last_activity_at timestamptz, due_at timestamptz)
  LANGUAGE sql STABLE
  SET search_path = public, pg_temp
AS $$
  SELECT p.organisation_id, p.id, a.last_at, a.last_at + make_interval(years => y.years)
    FROM organisations o
    CROSS JOIN LATERAL (SELECT coalesce(p_years, o.retention_years::int) AS years) y
    JOIN persons p ON p.organisation_id = o.id
    CROSS JOIN LATERAL (SELECT app.person_last_activity(p.id) AS last_at) a
   WHERE y.years IS NOT NULL
     AND (p_organisation_ids IS NULL OR o.id = ANY (p_organisation_ids))
     AND p.deidentified_at IS NULL
     AND p.merged_into_id IS NULL
     AND a.last_at + make_interval(years => y.years) <= p_now + p_horizon
$$;
REVOKE ALL ON FUNCTION app.retention_due(timestamptz, interval, uuid[], int) FROM PUBLIC;

-- De-identifies one file and the files merged into it. Erased: the alias (replaced by a code
-- from the file's id), its search form, languages, contact preferences and their note, the
-- legal name, who follows her, consents' notes (every consent withdrawn: nothing stays shared),
-- the notes of her encounters and accompaniments, accompaniment outcomes, her referrals' reason,
-- service, message and outcome note and every step's message, the reason and meeting place of her
-- joint visits, her intake form's comment, her deliveries' place and time window, and whole-word
-- mentions of her alias in the organisation's handover notes (shift and night-centre). Kept, so
-- that counts stay true: the rows themselves under the same pseudonymous id (encounters and their
-- material and themes, accompaniments, referrals, visits and acts, intake levels, birth year,
-- gender). Not erased: clinical notes (the public-health organisation's record under the
-- health-information law, kept by its own rule) and the audit log (which names no person).
CREATE FUNCTION app.erase_person_identity(p_person uuid, p_now timestamptz) RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_files uuid[];
  v_org uuid;
  v_aliases text[];
  v_alias text;
  v_pattern text;
BEGIN
  SELECT array_agg(p.id), min(p.organisation_id::text)::uuid, array_agg(p.alias)
    INTO v_files, v_org, v_aliases
    FROM persons p
   WHERE (p.id = p_person OR p.merged_into_id = p_person) AND p.deidentified_at IS NULL;
  IF v_files IS NULL THEN
    RETURN;
  END IF;
  FOREACH v_alias IN ARRAY v_aliases LOOP
    IF char_length(v_alias) >= 3 THEN
      v_pattern := '(^|[^[:alnum:]_])' || regexp_replace(v_alias, '([].^$*+?(){}|[\\-])', '\\\1', 'g')
                   || '($|[^[:alnum:]_])';
      UPDATE shift_handover_notes SET body = regexp_replace(body, v_pattern, '\1[…]\2', 'gi')
       WHERE organisation_id = v_org AND body ~* v_pattern;
      UPDATE night_centre_handover_notes SET body = regexp_replace(body, v_pattern, '\1[…]\2', 'gi')
       WHERE organisation_id = v_org AND body ~* v_pattern;
    END IF;
  END LOOP;
  DELETE FROM person_legal_names WHERE person_id = ANY (v_files);
  DELETE FROM person_followers WHERE person_id = ANY (v_files);
  UPDATE consents SET note = NULL, withdrawn_at = coalesce(withdrawn_at, p_now)
   WHERE person_id = ANY (v_files);
  DELETE FROM encounter_notes n USING encounters e
   WHERE n.encounter_id = e.id AND e.person_id = ANY (v_files);
  DELETE FROM accompaniment_notes n USING accompaniments a
   WHERE n.accompaniment_id = a.id AND a.person_id = ANY (v_files);
  DELETE FROM accompaniment_outcomes o USING accompaniments a
   WHERE o.accompaniment_id = a.id AND a.person_id = ANY (v_files);
  UPDATE referrals SET reason = '—', service_requested = '—', message = NULL, outcome_note = NULL
   WHERE person_id = ANY (v_files);
  UPDATE referral_transitions t SET message = NULL FROM referrals r
   WHERE t.referral_id = r.id AND r.person_id = ANY (v_files) AND t.message IS NOT NULL;
  DELETE FROM nurse_visit_reasons x USING nurse_visit_persons vp
   WHERE x.nurse_visit_id = vp.nurse_visit_id AND vp.person_id = ANY (v_files);
  DELETE FROM nurse_visit_meeting_places x USING nurse_visit_persons vp
   WHERE x.nurse_visit_id = vp.nurse_visit_id AND vp.person_id = ANY (v_files);
  UPDATE intake_assessments SET comment = NULL WHERE person_id = ANY (v_files) AND comment IS NOT NULL;
  DELETE FROM material_delivery_places x USING material_deliveries d
   WHERE x.delivery_id = d.id AND d.person_id = ANY (v_files);
  UPDATE persons p
     SET alias = 'X-' || upper(substr(replace(p.id::text, '-', ''), 1, 8)),
         alias_search = 'x-' || substr(replace(p.id::text, '-', ''), 1, 8),
         languages = '{}',
         may_text = false,
         may_leave_message = false,
         safe_contact_note = NULL,
         in_regular_follow_up = false,
         archived_at = coalesce(p.archived_at, p_now),
         deidentified_at = p_now,
         updated_at = p_now
   WHERE p.id = ANY (v_files);
END
$$;
REVOKE ALL ON FUNCTION app.erase_person_identity(uuid, timestamptz) FROM PUBLIC;

-- The daily retention run (apps/api/src/modules/privacy/retention-job.ts), as the owner: every
-- due file of the named organisations (all when null) de-identified, each audited
-- (PERSON_DEIDENTIFIED, reason RETENTION) and each organisation's run audited with its count
-- (RETENTION_APPLIED). Not granted to the request roles.
CREATE FUNCTION app.apply_retention(p_now timestamptz, p_organisation_ids uuid[] DEFAULT NULL)
  RETURNS TABLE (for_organisation uuid, deidentified_count int)
  LANGUAGE plpgsql VOLATILE
  SET search_path = public, pg_temp
AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT d.organisation_id AS org, array_agg(d.person_id) AS ids, min(o.retention_years) AS years
      FROM app.retention_due(p_now, interval '0', p_organisation_ids) d
      JOIN organisations o ON o.id = d.organisation_id
     GROUP BY d.organisation_id
  LOOP
    PERFORM app.erase_person_identity(x, p_now) FROM unnest(r.ids) x;
    INSERT INTO audit_events (at, organisation_id, action, record_kind, record_id, details)
      SELECT p_now, r.org, 'PERSON_DEIDENTIFIED', 'PERSON', x::text, '{"reason":"RETENTION"}'::jsonb
        FROM unnest(r.ids) x;
    INSERT INTO audit_events (at, organisation_id, action, record_kind, record_id, details)
      VALUES (p_now, r.org, 'RETENTION_APPLIED', 'ORGANISATION', r.org::text,
              jsonb_build_object('deidentified', cardinality(r.ids), 'retentionYears', r.years));
    for_organisation := r.org;
    deidentified_count := cardinality(r.ids);
    RETURN NEXT;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION app.apply_retention(timestamptz, uuid[]) FROM PUBLIC;

-- The dry run, for the acting organisation's coordinators: the files its retention would
-- de-identify by p_now + p_horizon_days (with p_years instead of its period, when given).
CREATE FUNCTION app.organisation_retention_schedule(p_now timestamptz, p_horizon_days int, p_years int)
  RETURNS TABLE (person_id uuid, last_activity_at timestamptz, due_at timestamptz)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT app.has_any_role('{COORDINATOR}') THEN
    RAISE EXCEPTION 'not a coordinator' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT d.person_id, d.last_activity_at, d.due_at
      FROM app.retention_due(p_now, make_interval(days => greatest(p_horizon_days, 0)),
                             ARRAY[app.org_id()], p_years) d
     ORDER BY d.due_at, d.person_id;
END
$$;
REVOKE ALL ON FUNCTION app.organisation_retention_schedule(timestamptz, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.organisation_retention_schedule(timestamptz, int, int) TO maillage_app;

-- Destruction at the person's request, by a coordinator of the organisation that owns the file
-- (the API audits it: PERSON_DEIDENTIFIED with the reason's code, never her alias).
CREATE FUNCTION app.deidentify_person_at_request(p_person uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT app.has_any_role('{COORDINATOR}') THEN
    RAISE EXCEPTION 'not a coordinator' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM persons p
                  WHERE p.id = p_person AND p.organisation_id = app.org_id()
                    AND p.deidentified_at IS NULL AND p.merged_into_id IS NULL) THEN
    RAISE EXCEPTION 'no such file of the acting organisation' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM app.erase_person_identity(p_person, now());
END
$$;
REVOKE ALL ON FUNCTION app.deidentify_person_at_request(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.deidentify_person_at_request(uuid) TO maillage_app;

-- ───────────── the confidentiality-incident register ─────────────

-- What the Regulation respecting confidentiality incidents (s. 11) asks the register to hold,
-- kept at least five years after the organisation learned of the incident (s. 11, last para.).
CREATE TABLE "confidentiality_incidents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "what_happened" VARCHAR(4000) NOT NULL,
    "information_involved" VARCHAR(2000) NOT NULL,
    "information_categories" VARCHAR(30)[] NOT NULL DEFAULT ARRAY[]::VARCHAR(30)[],
    "occurred_from" DATE NOT NULL,
    "occurred_until" DATE,
    "discovered_on" DATE NOT NULL,
    "persons_affected" INTEGER NOT NULL,
    "person_categories" VARCHAR(30)[] NOT NULL DEFAULT ARRAY[]::VARCHAR(30)[],
    "serious_harm_risk" BOOLEAN NOT NULL,
    "risk_assessment" VARCHAR(4000) NOT NULL,
    "measures_taken" VARCHAR(4000),
    "commission_notified_on" DATE,
    "persons_notified_on" DATE,
    "notification_details" VARCHAR(2000),
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "confidentiality_incidents_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "confidentiality_incidents_organisation_id_discovered_on_idx"
  ON "confidentiality_incidents"("organisation_id", "discovered_on" DESC);
ALTER TABLE "confidentiality_incidents" ADD CONSTRAINT "confidentiality_incidents_organisation_id_fkey"
  FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "confidentiality_incidents" ADD CONSTRAINT "confidentiality_incidents_dates"
  CHECK (occurred_until IS NULL OR occurred_until >= occurred_from);
ALTER TABLE "confidentiality_incidents" ADD CONSTRAINT "confidentiality_incidents_persons_affected"
  CHECK (persons_affected >= 0);
ALTER TABLE "confidentiality_incidents" ADD CONSTRAINT "confidentiality_incidents_information_categories"
  CHECK (information_categories <@ ARRAY['IDENTITY','CONTACT','HEALTH','NOTES','LOCATION','LEGAL_NAME','OTHER']::varchar[]);
ALTER TABLE "confidentiality_incidents" ADD CONSTRAINT "confidentiality_incidents_person_categories"
  CHECK (person_categories <@ ARRAY['PERSONS_SERVED','MINORS','STAFF','PARTNER_STAFF','OTHER']::varchar[]);

-- Kept five years after it was discovered: refused before, to anyone (the owner included; the
-- request roles have no DELETE grant at all), a row at a time or by TRUNCATE.
CREATE FUNCTION app.confidentiality_incident_kept_five_years() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF EXISTS (SELECT 1 FROM confidentiality_incidents
                WHERE discovered_on > current_date - interval '5 years') THEN
      RAISE EXCEPTION 'confidentiality incidents are kept five years after their discovery'
        USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
  END IF;
  IF OLD.discovered_on > current_date - interval '5 years' THEN
    RAISE EXCEPTION 'a confidentiality incident is kept five years after its discovery (until %)',
      (OLD.discovered_on + interval '5 years')::date
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION app.confidentiality_incident_kept_five_years() FROM PUBLIC;
CREATE TRIGGER confidentiality_incidents_kept_five_years BEFORE DELETE ON confidentiality_incidents
  FOR EACH ROW EXECUTE FUNCTION app.confidentiality_incident_kept_five_years();
CREATE TRIGGER confidentiality_incidents_not_truncated BEFORE TRUNCATE ON confidentiality_incidents
  FOR EACH STATEMENT EXECUTE FUNCTION app.confidentiality_incident_kept_five_years();

ALTER TABLE confidentiality_incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE confidentiality_incidents FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON confidentiality_incidents TO maillage_app;
-- The acting organisation's coordinators and org admins (KEEP_INCIDENT_REGISTER); never deleted
-- by the app (no grant).
CREATE POLICY confidentiality_incidents_kept_by_privacy_officers ON confidentiality_incidents
  TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR,ORG_ADMIN}'))
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{COORDINATOR,ORG_ADMIN}')
              AND recorded_by_id IS NOT NULL);
