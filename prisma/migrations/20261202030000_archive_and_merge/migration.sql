-- Archiving venues and persons, and merging two persons' files (issue 14, item 6).

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "archived_by_id" UUID,
ADD COLUMN     "merged_at" TIMESTAMPTZ(3),
ADD COLUMN     "merged_into_id" UUID;

-- AlterTable
ALTER TABLE "venues" ADD COLUMN     "archived_by_id" UUID;

-- CreateIndex
CREATE INDEX "persons_merged_into_id_idx" ON "persons"("merged_into_id");

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A merged file names another file and when it was merged, both or neither.
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_another" CHECK (merged_into_id IS DISTINCT FROM id);
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_with_date" CHECK ((merged_into_id IS NULL) = (merged_at IS NULL));

-- Merging is a coordinator's (apps/api/src/modules/persons/merge.ts, role COORDINATOR), and final:
-- a merged file is never changed again (not unmerged, not edited). Stricter only: RESTRICTIVE,
-- ANDed with persons_own_organisation (workers and coordinators of the owner change its files).
CREATE POLICY persons_merged_by_coordinators ON persons AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (merged_into_id IS NULL)
  WITH CHECK (merged_into_id IS NULL OR app.has_any_role('{COORDINATOR}'));

-- The records of a merged file that the app role may not move itself, moved to the file it was
-- merged into. The mutation moves everything else first (encounters, accompaniments, referrals,
-- legal name, followers) as the app role under those tables' own policies. These three are not,
-- on purpose, and stay so for every other statement:
-- - consents are never overwritten (20261201222641_sql_write_gaps: UPDATE of withdrawn_at and
--   withdrawn_by_id only, once);
-- - nurse_visit_persons has no UPDATE or DELETE (no mutation moves a person between visits);
-- - clinical_notes are the visit's nurse's only: the coordinator who merges cannot even see them,
--   yet a note about the merged file must follow her to the kept one (its person_id only).
-- Narrow: only for a coordinator of the acting organisation, only the file she marked merged in
-- this very transaction (merged_at = now(), under persons_merged_by_coordinators), only into a
-- file of the same organisation that is not merged itself; it moves person_id and nothing else.
-- Then it checks that no record of any kind still names the merged file (the legal name aside,
-- left there when the kept file has its own) and fails otherwise, so the whole merge is undone.
-- Which consents may move (the two files must share the same things with the same partners) is
-- checked by the mutation before it marks the file: a coordinator may record consents herself.
CREATE FUNCTION app.move_merged_person_records(p_merged uuid)
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
REVOKE ALL ON FUNCTION app.move_merged_person_records(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.move_merged_person_records(uuid) TO maillage_app;
