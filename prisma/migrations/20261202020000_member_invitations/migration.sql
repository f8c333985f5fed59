-- A team's members (issue 14): invitations, accepted by the invitee through a link; a member's
-- deactivation takes her follows with it.

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "display_name" VARCHAR(120) NOT NULL,
    "roles" "Role"[],
    "token_hash" VARCHAR(64) NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_organisation_id_created_at_idx" ON "invitations"("organisation_id", "created_at");

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── invitations: the organisation's member managers (MANAGE_MEMBERS) ─────────────
-- They read, make and revoke their organisation's invitations, never read a token's hash, and
-- never mark one accepted (only app.accept_invitation does). A coordinator invites to working
-- roles only, as she sets them (mayChangeMemberRoles, memberships_changed_by_coordinators).
-- An invitation lasts a week at most (a few minutes allowed for the API's clock: its request
-- time is taken after the transaction's `now()`).
GRANT SELECT (id, organisation_id, email, display_name, roles, invited_by_id, created_at, expires_at,
              accepted_at, revoked_at) ON invitations TO maillage_app;
GRANT INSERT (organisation_id, email, display_name, roles, token_hash, invited_by_id, created_at, expires_at)
  ON invitations TO maillage_app;
GRANT UPDATE (revoked_at) ON invitations TO maillage_app;
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_read_by_member_managers ON invitations FOR SELECT TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{ORG_ADMIN,COORDINATOR}'));
CREATE POLICY invitations_made_by_member_managers ON invitations FOR INSERT TO maillage_app
  WITH CHECK (organisation_id = app.org_id() AND invited_by_id = app.user_id()
              AND expires_at <= now() + interval '7 days 5 minutes'
              AND (app.has_any_role('{ORG_ADMIN}')
                   OR (app.has_any_role('{COORDINATOR}') AND NOT ('ORG_ADMIN' = ANY (roles::text[])))));
CREATE POLICY invitations_revoked_by_member_managers ON invitations FOR UPDATE TO maillage_app
  USING (organisation_id = app.org_id() AND app.has_any_role('{ORG_ADMIN,COORDINATOR}')
         AND accepted_at IS NULL)
  WITH CHECK (organisation_id = app.org_id() AND app.has_any_role('{ORG_ADMIN,COORDINATOR}')
              AND revoked_at IS NOT NULL);

-- The e-mail a pending, unexpired invitation is for, or null: the sign-in role checks that
-- account's password (or the throttle) before accepting. It reads no invitation itself.
CREATE FUNCTION app.pending_invitation_email(p_token_hash text)
  RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT i.email FROM invitations i
   WHERE i.token_hash = p_token_hash
     AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
$$;
REVOKE ALL ON FUNCTION app.pending_invitation_email(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.pending_invitation_email(text) TO maillage_auth;

-- Accepts a pending, unexpired invitation (the API, as the sign-in role, then opens a session):
-- - no account has its e-mail: one is made with `p_password_hash` (argon2id, from the API) and
--   the display name given, or the invitation's;
-- - an account has it: it joins only if `p_verified_password_hash` is that account's hash, the
--   one the API verified the password against (so a link never takes over an account), and
--   never a disabled account; its password and name are left as they are;
-- - the membership is added, or an ended one reopened, with the invited roles; a member in
--   force is refused (an invitation changes no one's roles);
-- - the invitation is marked accepted: the link works once.
-- Answers one row: its status ('ACCEPTED', 'INVALID', 'WRONG_PASSWORD', 'ALREADY_MEMBER') and,
-- when accepted, who joined which organisation. Anything but 'ACCEPTED' writes nothing.
CREATE FUNCTION app.accept_invitation(p_token_hash text, p_password_hash text, p_display_name text,
                                      p_verified_password_hash text)
  RETURNS TABLE (status text, user_id uuid, organisation_id uuid, invitation_id uuid, roles text[],
                 new_account boolean)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  inv record;
  account record;
  joining uuid;
  made boolean := false;
BEGIN
  SELECT i.id, i.organisation_id, i.email, i.display_name, i.roles INTO inv
    FROM invitations i
   WHERE i.token_hash = p_token_hash
     AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
     FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'INVALID'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text[], false;
    RETURN;
  END IF;
  SELECT u.id, u.password_hash, u.disabled_at INTO account FROM users u WHERE u.email = inv.email FOR UPDATE;
  IF FOUND THEN
    IF account.disabled_at IS NOT NULL OR p_verified_password_hash IS NULL
       OR p_verified_password_hash IS DISTINCT FROM account.password_hash THEN
      RETURN QUERY SELECT 'WRONG_PASSWORD'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text[], false;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM memberships m
                WHERE m.user_id = account.id AND m.organisation_id = inv.organisation_id
                  AND m.ended_at IS NULL) THEN
      RETURN QUERY SELECT 'ALREADY_MEMBER'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text[], false;
      RETURN;
    END IF;
    joining := account.id;
  ELSE
    IF p_password_hash IS NULL THEN
      RETURN QUERY SELECT 'WRONG_PASSWORD'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text[], false;
      RETURN;
    END IF;
    INSERT INTO users (email, display_name, password_hash)
    VALUES (inv.email, coalesce(nullif(btrim(p_display_name), ''), inv.display_name), p_password_hash)
    RETURNING id INTO joining;
    made := true;
  END IF;
  INSERT INTO memberships (user_id, organisation_id, roles)
  VALUES (joining, inv.organisation_id, coalesce(inv.roles, '{}'))
  ON CONFLICT (user_id, organisation_id)
  DO UPDATE SET roles = EXCLUDED.roles, ended_at = NULL;
  UPDATE invitations SET accepted_at = now() WHERE id = inv.id;
  RETURN QUERY SELECT 'ACCEPTED'::text, joining, inv.organisation_id, inv.id, coalesce(inv.roles, '{}')::text[], made;
END
$$;
REVOKE ALL ON FUNCTION app.accept_invitation(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.accept_invitation(text, text, text, text) TO maillage_auth;

-- ───────────── a member's deactivation ─────────────
-- Nobody ends their own membership (an admin would lock herself out; another one does it), and a
-- coordinator never ends an admin's: an org admin's membership is ended by an org admin.
CREATE POLICY memberships_ended_by_others ON memberships AS RESTRICTIVE FOR UPDATE TO maillage_app
  USING (true)
  WITH CHECK (ended_at IS NULL
              OR (user_id IS DISTINCT FROM app.user_id()
                  AND (app.has_any_role('{ORG_ADMIN}')
                       OR NOT ('ORG_ADMIN' = ANY (app.held_roles(user_id, organisation_id))))));

-- A membership that ends takes its follows in that organisation with it (a reopened one starts
-- with an empty caseload). SECURITY DEFINER: an org admin without a working role reads no follow.
CREATE FUNCTION app.forget_follows_of_ended_membership()
  RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
BEGIN
  DELETE FROM person_followers f
   WHERE f.user_id = NEW.user_id AND f.organisation_id = NEW.organisation_id;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.forget_follows_of_ended_membership() FROM PUBLIC;
CREATE TRIGGER memberships_ended_forget_follows
  AFTER UPDATE OF ended_at ON memberships
  FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
  EXECUTE FUNCTION app.forget_follows_of_ended_membership();
