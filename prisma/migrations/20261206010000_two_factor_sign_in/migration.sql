-- Two-factor sign-in (issue 18): a time-based one-time password (RFC 6238) per account, its
-- recovery codes, and the devices a user chose to remember. Coordinators and org admins must use
-- it: until they do, app.begin_request withholds those two roles from their sessions, so neither
-- the API's scopes nor row-level security grant them anything.

CREATE TABLE "user_second_factors" (
    "user_id" UUID NOT NULL,
    -- The shared secret, base32 (RFC 4648), as authenticator apps read it.
    "totp_secret" VARCHAR(64) NOT NULL,
    -- Null until the user proved her app holds the secret (a first code).
    "confirmed_at" TIMESTAMPTZ(3),
    -- The last time step whose code was accepted: a code is never accepted twice (RFC 6238 §5.2).
    "last_used_step" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_second_factors_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "user_second_factors_secret_base32" CHECK ("totp_secret" ~ '^[A-Z2-7]{16,64}$')
);

CREATE TABLE "recovery_codes" (
    "user_id" UUID NOT NULL,
    -- sha256 of the code, hex: the code itself is shown once, at its creation.
    "code_hash" VARCHAR(64) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("user_id", "code_hash")
);

CREATE TABLE "trusted_devices" (
    "token_hash" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "user_agent" VARCHAR(300),

    CONSTRAINT "trusted_devices_pkey" PRIMARY KEY ("token_hash")
);
CREATE INDEX "trusted_devices_user_id_idx" ON "trusted_devices"("user_id");

ALTER TABLE "user_second_factors" ADD CONSTRAINT "user_second_factors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trusted_devices" ADD CONSTRAINT "trusted_devices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A user enrols, confirms, replaces her recovery codes and (when no role requires it) removes her
-- own second factor; nobody else's: not a coordinator's, not an admin's.
GRANT SELECT, INSERT, UPDATE, DELETE ON user_second_factors TO maillage_app;
ALTER TABLE user_second_factors ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_second_factors FORCE ROW LEVEL SECURITY;
CREATE POLICY user_second_factors_own ON user_second_factors TO maillage_app
  USING (user_id = app.user_id()) WITH CHECK (user_id = app.user_id());

GRANT SELECT, INSERT, DELETE ON recovery_codes TO maillage_app;
ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY recovery_codes_own ON recovery_codes TO maillage_app
  USING (user_id = app.user_id()) WITH CHECK (user_id = app.user_id());

GRANT SELECT, DELETE ON trusted_devices TO maillage_app;
ALTER TABLE trusted_devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE trusted_devices FORCE ROW LEVEL SECURITY;
CREATE POLICY trusted_devices_own ON trusted_devices TO maillage_app
  USING (user_id = app.user_id());

-- Signing in (the sign-in role): the code is checked and its step recorded, a recovery code
-- spent, a device remembered or recognised. An org admin's reset of a member's second factor and
-- ending the team's sessions (after the API's MANAGE_MEMBERS / END_SESSIONS checks) remove them.
GRANT SELECT, UPDATE (last_used_step), DELETE ON user_second_factors TO maillage_auth;
CREATE POLICY user_second_factors_at_sign_in ON user_second_factors TO maillage_auth USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE (used_at), DELETE ON recovery_codes TO maillage_auth;
CREATE POLICY recovery_codes_at_sign_in ON recovery_codes TO maillage_auth USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, DELETE ON trusted_devices TO maillage_auth;
CREATE POLICY trusted_devices_at_sign_in ON trusted_devices TO maillage_auth USING (true) WITH CHECK (true);

-- app.begin_request withholds COORDINATOR and ORG_ADMIN from a session whose user has no
-- confirmed second factor, and names them (withheld_roles): the API tells the user to enrol.
DROP FUNCTION app.begin_request(text);
CREATE FUNCTION app.begin_request(p_token_hash text)
  RETURNS TABLE (
    session_id uuid,
    user_id uuid,
    organisation_id uuid,
    roles text[],
    team_visibility_restricted boolean,
    csrf_token text,
    committee_partnership_ids uuid[],
    cookie_max_age integer,
    withheld_roles text[]
  )
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  s record;
  r text[];
  -- rolesRequiringSecondFactor of the registry (packages/domain organisation-actions.ts).
  guarded text[] := '{COORDINATOR,ORG_ADMIN}';
  withheld text[];
  restricted boolean;
  renewal integer;
  new_expiry timestamptz;
BEGIN
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.org_id', '', true);
  PERFORM set_config('app.roles', '', true);
  SELECT se.id, se.user_id, se.acting_organisation_id, se.csrf_token, se.last_seen_at,
         se.expires_at, se.cookie_renewed_at
    INTO s
    FROM sessions se
    JOIN users u ON u.id = se.user_id
   WHERE se.token_hash = p_token_hash
     AND se.expires_at > now()
     AND u.disabled_at IS NULL;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  r := '{}';
  withheld := '{}';
  restricted := false;
  renewal := NULL;
  IF s.acting_organisation_id IS NOT NULL THEN
    SELECT m.roles::text[], o.restrict_team_visibility INTO r, restricted
      FROM memberships m
      JOIN organisations o ON o.id = m.organisation_id
     WHERE m.user_id = s.user_id
       AND m.organisation_id = s.acting_organisation_id
       AND m.ended_at IS NULL;
    IF NOT FOUND THEN
      -- The membership ended since the session chose it: act as no organisation.
      s.acting_organisation_id := NULL;
      r := '{}';
      restricted := false;
    END IF;
  END IF;
  IF r && guarded AND NOT EXISTS (
       SELECT 1 FROM user_second_factors f
        WHERE f.user_id = s.user_id AND f.confirmed_at IS NOT NULL) THEN
    withheld := ARRAY(SELECT x FROM unnest(r) x WHERE x = ANY (guarded));
    r := ARRAY(SELECT x FROM unnest(r) x WHERE x <> ALL (guarded));
  END IF;
  PERFORM set_config('app.user_id', s.user_id::text, true);
  PERFORM set_config('app.org_id', coalesce(s.acting_organisation_id::text, ''), true);
  PERFORM set_config('app.roles', r::text, true);
  -- Sliding expiry, written at most every five minutes to keep reads read-only; the cookie is
  -- renewed with it at most every hour.
  IF s.last_seen_at < now() - interval '5 minutes' THEN
    new_expiry := greatest(s.expires_at, now() + interval '12 hours');
    IF s.cookie_renewed_at < now() - interval '1 hour' THEN
      renewal := greatest(1, floor(extract(epoch FROM new_expiry - now())))::integer;
    END IF;
    UPDATE sessions
       SET last_seen_at = now(),
           expires_at = new_expiry,
           cookie_renewed_at = CASE WHEN renewal IS NULL THEN cookie_renewed_at ELSE now() END
     WHERE id = s.id;
  END IF;
  RETURN QUERY
    SELECT s.id, s.user_id, s.acting_organisation_id, r, restricted, s.csrf_token::text,
           coalesce((SELECT array_agg(cs.partnership_id) FROM committee_seats cs
                      WHERE cs.user_id = s.user_id), '{}'),
           renewal, withheld;
END
$$;
REVOKE ALL ON FUNCTION app.begin_request(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.begin_request(text) TO maillage_app;
