-- Merging two files (issue 14): the check that no record still names the merged file counts the
-- programmes' deliveries too (issue 15; the API moves them before this runs, and the intake moves
-- by the trigger persons_merged_intake_moves).
CREATE OR REPLACE FUNCTION app.move_merged_person_records(p_merged uuid)
  RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  v_kept uuid;
  v_consents int;
  v_visits int;
  v_notes int;
  v_left int;
BEGIN
  IF NOT app.has_any_role('{COORDINATOR}') THEN
    RAISE EXCEPTION 'not a coordinator' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT kept.id INTO v_kept
    FROM persons merged
    JOIN persons kept ON kept.id = merged.merged_into_id
   WHERE merged.id = p_merged
     AND merged.organisation_id = app.org_id()
     AND merged.merged_at = now()::timestamptz(3)
     AND kept.organisation_id = merged.organisation_id
     AND kept.merged_into_id IS NULL;
  IF v_kept IS NULL THEN
    RAISE EXCEPTION 'no file merged in this transaction' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE consents SET person_id = v_kept WHERE person_id = p_merged;
  GET DIAGNOSTICS v_consents = ROW_COUNT;
  INSERT INTO nurse_visit_persons (nurse_visit_id, person_id)
    SELECT nurse_visit_id, v_kept FROM nurse_visit_persons WHERE person_id = p_merged
    ON CONFLICT DO NOTHING;
  DELETE FROM nurse_visit_persons WHERE person_id = p_merged;
  GET DIAGNOSTICS v_visits = ROW_COUNT;
  UPDATE clinical_notes SET person_id = v_kept WHERE person_id = p_merged;
  GET DIAGNOSTICS v_notes = ROW_COUNT;
  SELECT (SELECT count(*) FROM encounters WHERE person_id = p_merged)
       + (SELECT count(*) FROM accompaniments WHERE person_id = p_merged)
       + (SELECT count(*) FROM referrals WHERE person_id = p_merged)
       + (SELECT count(*) FROM material_deliveries WHERE person_id = p_merged)
       + (SELECT count(*) FROM person_followers WHERE person_id = p_merged)
       + (SELECT count(*) FROM person_legal_names l WHERE l.person_id = p_merged
            AND NOT EXISTS (SELECT 1 FROM person_legal_names k WHERE k.person_id = v_kept))
    INTO v_left;
  IF v_left > 0 THEN
    RAISE EXCEPTION '% records still name the merged file', v_left USING ERRCODE = 'check_violation';
  END IF;
  RETURN jsonb_build_object('consents', v_consents, 'nurseVisits', v_visits, 'clinicalNotes', v_notes);
END
$$;
