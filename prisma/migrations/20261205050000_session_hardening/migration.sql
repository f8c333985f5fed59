-- Sessions hardening (issue 18): the cookie renewed with the sliding expiry, and accounts left
-- idle disabled at their next sign-in.

-- ───────────── when the session's cookie was last given a new Max-Age ─────────────
ALTER TABLE sessions ADD COLUMN cookie_renewed_at timestamptz(3) NOT NULL DEFAULT now();

-- ───────────── the last successful sign-in of an account ─────────────
-- Existing accounts count from this migration, so that no one is found idle the day it runs.
ALTER TABLE users ADD COLUMN last_signed_in_at timestamptz(3) NOT NULL DEFAULT now();

-- app.begin_request also answers, when the database has just slid the session's expiry and the
-- cookie was last renewed more than an hour ago, the new cookie's Max-Age in seconds (null
-- otherwise): the API then sends the cookie again, so that it lives as long as the session.
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
    cookie_max_age integer
  )
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  s record;
  r text[];
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
           renewal;
END
$$;
REVOKE ALL ON FUNCTION app.begin_request(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.begin_request(text) TO maillage_app;

-- ───────────── a successful password check, as the sign-in role ─────────────
-- The sign-in role may only read users: this records the sign-in, or, when the account has had
-- no sign-in for p_idle_days days, disables it (audited as ACCOUNT_DISABLED_IDLE by the API) and
-- answers false. A disabled account never signs in again until an admin enables it.
CREATE FUNCTION app.record_sign_in(p_user_id uuid, p_idle_days integer)
  RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  last_at timestamptz;
BEGIN
  SELECT u.last_signed_in_at INTO last_at FROM users u WHERE u.id = p_user_id AND u.disabled_at IS NULL;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF p_idle_days IS NOT NULL AND p_idle_days > 0 AND last_at < now() - make_interval(days => p_idle_days) THEN
    UPDATE users SET disabled_at = now() WHERE id = p_user_id;
    DELETE FROM sessions WHERE user_id = p_user_id;
    RETURN false;
  END IF;
  UPDATE users SET last_signed_in_at = now() WHERE id = p_user_id;
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION app.record_sign_in(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_sign_in(uuid, integer) TO maillage_auth;

-- An organisation's admin sees when each member last signed in (the idle-account check).
GRANT SELECT (last_signed_in_at) ON users TO maillage_app;
