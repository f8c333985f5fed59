-- Indicators in half the time (issue 17's speed goal). app.indicator_figures was a SQL function:
-- PostgreSQL 15 plans its statement without the values of its arguments, so it guessed a
-- range of one organisation at a tenth of its encounters and joined their material entries one
-- encounter at a time (110 of 226 ms for a year of 25,000 encounters). As PL/pgSQL, planned for
-- each call's own arguments (force_custom_plan: a cached generic plan would bring the guess
-- back), the same statement hashes that join; the monthly figures group by month and person
-- before counting persons, instead of sorting the range. Same answer, same definitions
-- (indicator-figures.int.test.ts); 1 year of 25,000 encounters: 247 ms before, 105 ms after.

CREATE OR REPLACE FUNCTION app.indicator_figures(
  p_organisation_ids uuid[], p_from timestamptz, p_to timestamptz, p_follow_up_min int, p_time_zone text)
  RETURNS jsonb
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  -- Planned for the call's own organisations and range (see the note above).
  SET plan_cache_mode = force_custom_plan
  -- A year's encounters are held once in memory and read by each aggregate.
  SET work_mem = '64MB'
AS $$
BEGIN
  RETURN (
  WITH
  span AS (
    SELECT (p_from AT TIME ZONE p_time_zone)::date AS from_day,
           -- The period's last day (to is exclusive), and the last day already lived.
           ((p_to AT TIME ZONE p_time_zone) - interval '1 microsecond')::date AS last_day,
           least(((p_to AT TIME ZONE p_time_zone) - interval '1 microsecond')::date,
                 (now() AT TIME ZONE p_time_zone)::date) AS lived_day
  ),
  e AS MATERIALIZED (
    SELECT id, organisation_id, person_id, occurred_at, channel, place_type, platform, themes, head_count,
           anonymous_gender, anonymous_age_bracket, outcomes, venue_id
      FROM encounters
     WHERE organisation_id = ANY (p_organisation_ids) AND occurred_at >= p_from AND occurred_at < p_to
  ),
  totals AS (
    SELECT count(*) AS encounters,
           coalesce(sum(head_count), 0) AS contacts,
           coalesce(sum(head_count) FILTER (WHERE person_id IS NULL), 0) AS anonymous_contacts,
           count(*) FILTER (WHERE channel <> 'IN_PERSON') AS line_contacts,
           count(*) FILTER (WHERE platform IS NOT NULL) AS on_platforms
      FROM e
  ),
  -- Each person met: how often, when first in the period, and the outcomes noted.
  met AS MATERIALIZED (
    SELECT x.person_id, x.n, x.first_at, x.left_trade, x.reached_goal, p.gender, p.birth_year
      FROM (SELECT person_id, count(*) AS n, min(occurred_at) AS first_at,
                   bool_or('LEFT_TRADE' = ANY (outcomes)) AS left_trade,
                   bool_or('REACHED_GOAL' = ANY (outcomes)) AS reached_goal
              FROM e WHERE person_id IS NOT NULL GROUP BY person_id) x
      JOIN persons p ON p.id = x.person_id
  ),
  met_totals AS (
    SELECT count(*) AS persons_met,
           count(*) FILTER (WHERE n >= p_follow_up_min) AS in_follow_up,
           count(*) FILTER (WHERE left_trade) AS left_trade,
           count(*) FILTER (WHERE reached_goal) AS reached_goal
      FROM met
  ),
  materials AS (
    SELECT m.item AS key, sum(m.quantity) AS n
      FROM encounter_materials m JOIN e ON e.id = m.encounter_id
     WHERE m.organisation_id = ANY (p_organisation_ids) AND m.quantity > 0 GROUP BY m.item
  ),
  services AS (
    SELECT s.service AS key, count(*) AS n
      FROM encounter_services s JOIN e ON e.id = s.encounter_id
     WHERE s.organisation_id = ANY (p_organisation_ids) AND s.service IS NOT NULL GROUP BY s.service
  ),
  platforms AS (
    SELECT platform AS key, count(*) AS n FROM e WHERE platform IS NOT NULL GROUP BY platform
  ),
  catalogue AS (
    SELECT DISTINCT list, code FROM catalogue_entries
     WHERE organisation_id = ANY (p_organisation_ids) AND retired_at IS NULL
  ),
  -- Joint visits completed, placed by their start; the visit counts once even when both of its
  -- organisations are counted.
  visits AS (
    SELECT v.id FROM nurse_visits v
     WHERE v.organisation_id = ANY (p_organisation_ids) AND v.status = 'COMPLETED'
       AND v.planned_start >= p_from AND v.planned_start < p_to
    UNION
    SELECT v.id FROM nurse_visits v
     WHERE v.worker_organisation_id = ANY (p_organisation_ids) AND v.status = 'COMPLETED'
       AND v.planned_start >= p_from AND v.planned_start < p_to
  ),
  acts AS (
    SELECT a.kind::text AS key, sum(a.count) AS n FROM clinical_acts a JOIN visits v ON v.id = a.nurse_visit_id
     GROUP BY a.kind
  ),
  accompaniments_ AS (
    SELECT status, destination FROM accompaniments
     WHERE organisation_id = ANY (p_organisation_ids) AND planned_at >= p_from AND planned_at < p_to
  ),
  -- Referrals sent, placed by when they were sent; the first answer is the receiving
  -- organisation's first step (accepted, declined…), counted in days of the programme's zone.
  referrals_ AS (
    SELECT r.status, o.kind AS to_kind,
           (SELECT min(t.at) FROM referral_transitions t
             WHERE t.referral_id = r.id AND t.by_organisation_id = r.to_organisation_id) AS answered_at,
           r.created_at
      FROM referrals r JOIN organisations o ON o.id = r.to_organisation_id
     WHERE r.from_organisation_id = ANY (p_organisation_ids) AND r.created_at >= p_from AND r.created_at < p_to
  ),
  answer_delays AS (
    SELECT CASE
             WHEN answered_at IS NULL THEN 'NO_ANSWER'
             ELSE CASE
               WHEN d = 0 THEN 'SAME_DAY' WHEN d <= 2 THEN 'DAYS_1_2' WHEN d <= 7 THEN 'DAYS_3_7'
               WHEN d <= 30 THEN 'DAYS_8_30' ELSE 'OVER_30_DAYS' END
           END AS key
      FROM (SELECT answered_at,
                   (answered_at AT TIME ZONE p_time_zone)::date - (created_at AT TIME ZONE p_time_zone)::date AS d
              FROM referrals_) x
  ),
  -- A venue's visits in the period: an encounter there, a shift that logged it, an evening held
  -- there (a night centre), by day of the programme's zone.
  venue_days AS (
    SELECT DISTINCT x.venue_id, x.day
      FROM (SELECT venue_id, (occurred_at AT TIME ZONE p_time_zone)::date AS day FROM e WHERE venue_id IS NOT NULL
            UNION ALL
            SELECT sv.venue_id, (s.starts_at AT TIME ZONE p_time_zone)::date
              FROM shift_reports s JOIN shift_report_venues sv ON sv.shift_report_id = s.id
             WHERE s.organisation_id = ANY (p_organisation_ids) AND s.starts_at >= p_from AND s.starts_at < p_to
            UNION ALL
            SELECT n.venue_id, n.evening_on FROM night_centre_evenings n, span
             WHERE n.organisation_id = ANY (p_organisation_ids)
               AND n.evening_on >= span.from_day AND n.evening_on <= span.last_day) x
      JOIN venues v ON v.id = x.venue_id AND v.organisation_id = ANY (p_organisation_ids)
  ),
  covered AS (
    SELECT v.id, v.kind FROM venues v WHERE v.id IN (SELECT venue_id FROM venue_days)
  ),
  -- Venues with a cadence that existed in the period, from their first day in it to its last day
  -- lived: on cadence when no stretch between two visits, from that first day to the first visit,
  -- or from the last visit to that last day, is longer than the cadence.
  cadenced AS (
    SELECT v.id, v.visit_cadence_days AS cadence,
           greatest(span.from_day, (v.created_at AT TIME ZONE p_time_zone)::date) AS start_day,
           span.lived_day AS end_day
      FROM venues v, span
     WHERE v.organisation_id = ANY (p_organisation_ids) AND v.visit_cadence_days IS NOT NULL
       AND v.created_at < p_to AND (v.archived_at IS NULL OR v.archived_at >= p_from)
       AND greatest(span.from_day, (v.created_at AT TIME ZONE p_time_zone)::date) <= span.lived_day
  ),
  cadence_gaps AS (
    SELECT c.id, c.cadence,
           max(g.gap) AS longest
      FROM cadenced c
      CROSS JOIN LATERAL (
        SELECT day - lag(day) OVER (ORDER BY day) AS gap
          FROM (SELECT c.start_day AS day
                UNION SELECT d.day FROM venue_days d WHERE d.venue_id = c.id AND d.day BETWEEN c.start_day AND c.end_day
                UNION SELECT c.end_day) points
      ) g
     GROUP BY c.id, c.cadence
  ),
  evenings AS (
    SELECT n.id FROM night_centre_evenings n, span
     WHERE n.organisation_id = ANY (p_organisation_ids)
       AND n.evening_on >= span.from_day AND n.evening_on <= span.last_day
  ),
  evening_visits AS MATERIALIZED (
    SELECT x.id, x.organisation_id, x.person_id, x.head_count, x.occurred_at
      FROM encounters x JOIN evenings n ON n.id = x.evening_id
  ),
  deliveries AS (
    SELECT status FROM material_deliveries
     WHERE organisation_id = ANY (p_organisation_ids) AND created_at >= p_from AND created_at < p_to
  ),
  workshops_ AS (
    SELECT w.kind, w.topic, w.audience, w.participants FROM workshops w, span
     WHERE w.organisation_id = ANY (p_organisation_ids)
       AND w.held_on >= span.from_day AND w.held_on <= span.last_day
  ),
  months AS (
    SELECT to_char(m, 'YYYY-MM') AS month
      FROM span, generate_series(date_trunc('month', span.from_day::timestamp),
                                 date_trunc('month', span.last_day::timestamp), interval '1 month') m
  ),
  -- By month and person first (hashed), then by month: the distinct persons of each month
  -- without sorting the range's encounters.
  monthly AS (
    SELECT to_char(x.month, 'YYYY-MM') AS month, sum(x.n) AS encounters, sum(x.contacts) AS contacts,
           count(x.person_id) AS persons_met
      FROM (SELECT date_trunc('month', occurred_at AT TIME ZONE p_time_zone) AS month, person_id,
                   count(*) AS n, sum(head_count) AS contacts
              FROM e GROUP BY 1, 2) x
     GROUP BY x.month
  )
  SELECT jsonb_build_object(
    'figures', (SELECT jsonb_build_object(
        'personsMet', mt.persons_met,
        'anonymousContacts', t.anonymous_contacts,
        'personsInFollowUp', mt.in_follow_up,
        'encounters', t.encounters,
        'contacts', t.contacts,
        'itemsHandedOut', (SELECT coalesce(sum(n), 0) FROM materials),
        'servicesGiven', (SELECT coalesce(sum(n), 0) FROM services),
        'nurseVisitsCompleted', (SELECT count(*) FROM visits),
        'nurseActs', (SELECT coalesce(sum(n), 0) FROM acts),
        'accompaniments', (SELECT count(*) FROM accompaniments_),
        'accompanimentsDone', (SELECT count(*) FROM accompaniments_ WHERE status = 'DONE'),
        'referralsSent', (SELECT count(*) FROM referrals_),
        'venuesCovered', (SELECT count(*) FROM covered),
        'venuesWithCadence', (SELECT count(*) FROM cadenced),
        'venuesOnCadence', (SELECT count(*) FROM cadence_gaps WHERE longest <= cadence),
        'nightCentreEvenings', (SELECT count(*) FROM evenings),
        'nightCentreVisits', (SELECT coalesce(sum(head_count), 0) FROM evening_visits),
        'nightCentreVisitors', (SELECT count(DISTINCT person_id) + coalesce(sum(head_count) FILTER (WHERE person_id IS NULL), 0)
                                  FROM evening_visits),
        -- A person's first evening visit at an organisation: none at an earlier evening of it.
        'nightCentreFirstVisits', (SELECT count(DISTINCT (v.organisation_id, v.person_id)) FROM evening_visits v, span
                                    WHERE v.person_id IS NOT NULL AND NOT EXISTS (
                                      SELECT 1 FROM encounters p JOIN night_centre_evenings pn ON pn.id = p.evening_id
                                       WHERE p.person_id = v.person_id AND p.organisation_id = v.organisation_id
                                         AND pn.evening_on < span.from_day)),
        'lineContacts', t.line_contacts,
        'encountersOnPlatforms', t.on_platforms,
        'deliveriesRequested', (SELECT count(*) FROM deliveries),
        'deliveriesDelivered', (SELECT count(*) FROM material_deliveries d JOIN e ON e.id = d.encounter_id),
        'workshops', (SELECT count(*) FROM workshops_),
        'workshopParticipants', (SELECT coalesce(sum(participants), 0) FROM workshops_),
        'personsLeftTrade', mt.left_trade,
        'personsReachedGoal', mt.reached_goal)
      FROM totals t, met_totals mt),
    'tables', jsonb_build_object(
      'personsByGender', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"Gender")::text[]) k
          LEFT JOIN (SELECT gender::text AS key, count(*) AS n FROM met GROUP BY 1) c ON c.key = k),
      'personsByAgeBracket', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"AgeBracket")::text[]) k
          LEFT JOIN (SELECT key, count(*) AS n FROM (
              SELECT CASE WHEN birth_year IS NULL THEN 'UNKNOWN'
                          WHEN a < 18 THEN 'UNDER_18' WHEN a <= 25 THEN 'AGE_18_25'
                          WHEN a <= 35 THEN 'AGE_26_35' ELSE 'AGE_36_PLUS' END AS key
                FROM (SELECT birth_year,
                             extract(year FROM first_at AT TIME ZONE p_time_zone)::int - birth_year AS a FROM met) y) x
              GROUP BY 1) c ON c.key = k),
      'anonymousContactsByGender', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"Gender")::text[]) k
          LEFT JOIN (SELECT coalesce(anonymous_gender::text, 'UNDISCLOSED') AS key, sum(head_count) AS n
                       FROM e WHERE person_id IS NULL GROUP BY 1) c ON c.key = k),
      'anonymousContactsByAgeBracket', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"AgeBracket")::text[]) k
          LEFT JOIN (SELECT coalesce(anonymous_age_bracket::text, 'UNKNOWN') AS key, sum(head_count) AS n
                       FROM e WHERE person_id IS NULL GROUP BY 1) c ON c.key = k),
      'encountersByPlaceType', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"PlaceType")::text[]) k
          LEFT JOIN (SELECT place_type::text AS key, count(*) AS n FROM e GROUP BY 1) c ON c.key = k),
      'encountersByChannel', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"Channel")::text[]) k
          LEFT JOIN (SELECT channel::text AS key, count(*) AS n FROM e GROUP BY 1) c ON c.key = k),
      'encountersByTheme', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"Theme")::text[]) k
          LEFT JOIN (SELECT theme::text AS key, count(*) AS n FROM (SELECT unnest(themes) AS theme FROM e) y
                      GROUP BY 1) c ON c.key = k),
      'materialsByItem', (SELECT coalesce(jsonb_object_agg(k, coalesce(n, 0)), '{}') FROM (
          SELECT code AS k FROM catalogue WHERE list = 'MATERIAL' UNION SELECT key FROM materials) keys
          LEFT JOIN materials c ON c.key = keys.k),
      'servicesByKind', (SELECT coalesce(jsonb_object_agg(k, coalesce(n, 0)), '{}') FROM (
          SELECT code AS k FROM catalogue WHERE list = 'SERVICE' UNION SELECT key FROM services) keys
          LEFT JOIN services c ON c.key = keys.k),
      'encountersByPlatform', (SELECT coalesce(jsonb_object_agg(k, coalesce(n, 0)), '{}') FROM (
          SELECT code AS k FROM catalogue WHERE list = 'PLATFORM' UNION SELECT key FROM platforms) keys
          LEFT JOIN platforms c ON c.key = keys.k),
      'lineContactsByChannel', (SELECT jsonb_object_agg(k, coalesce(n, 0))
          FROM unnest(ARRAY['PHONE', 'SMS', 'ONLINE_PLATFORM', 'VIDEO']) k
          LEFT JOIN (SELECT channel::text AS key, count(*) AS n FROM e WHERE channel <> 'IN_PERSON' GROUP BY 1) c ON c.key = k),
      'nurseActsByKind', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"ClinicalActKind")::text[]) k
          LEFT JOIN acts c ON c.key = k),
      'accompanimentsByStatus', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"AccompanimentStatus")::text[]) k
          LEFT JOIN (SELECT status::text AS key, count(*) AS n FROM accompaniments_ GROUP BY 1) c ON c.key = k),
      'accompanimentsByDestination', (SELECT jsonb_object_agg(k, coalesce(n, 0))
          FROM unnest(enum_range(NULL::"AccompanimentDestination")::text[]) k
          LEFT JOIN (SELECT destination::text AS key, count(*) AS n FROM accompaniments_ WHERE status = 'DONE' GROUP BY 1) c
            ON c.key = k),
      'referralsByStatus', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"ReferralStatus")::text[]) k
          LEFT JOIN (SELECT status::text AS key, count(*) AS n FROM referrals_ GROUP BY 1) c ON c.key = k),
      'referralsByDestinationKind', (SELECT jsonb_object_agg(k, coalesce(n, 0))
          FROM unnest(enum_range(NULL::"OrganisationKind")::text[]) k
          LEFT JOIN (SELECT to_kind::text AS key, count(*) AS n FROM referrals_ GROUP BY 1) c ON c.key = k),
      'referralsByTimeToFirstAnswer', (SELECT jsonb_object_agg(k, coalesce(n, 0))
          FROM unnest(ARRAY['SAME_DAY', 'DAYS_1_2', 'DAYS_3_7', 'DAYS_8_30', 'OVER_30_DAYS', 'NO_ANSWER']) k
          LEFT JOIN (SELECT key, count(*) AS n FROM answer_delays GROUP BY 1) c ON c.key = k),
      'venuesCoveredByKind', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"VenueKind")::text[]) k
          LEFT JOIN (SELECT kind::text AS key, count(*) AS n FROM covered GROUP BY 1) c ON c.key = k),
      'deliveriesByStatus', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"DeliveryStatus")::text[]) k
          LEFT JOIN (SELECT status::text AS key, count(*) AS n FROM deliveries GROUP BY 1) c ON c.key = k),
      'workshopsByKind', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"WorkshopKind")::text[]) k
          LEFT JOIN (SELECT kind::text AS key, count(*) AS n FROM workshops_ GROUP BY 1) c ON c.key = k),
      'workshopsByTopic', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"WorkshopTopic")::text[]) k
          LEFT JOIN (SELECT topic::text AS key, count(*) AS n FROM workshops_ GROUP BY 1) c ON c.key = k),
      'workshopsByAudience', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"WorkshopAudience")::text[]) k
          LEFT JOIN (SELECT audience::text AS key, count(*) AS n FROM workshops_ GROUP BY 1) c ON c.key = k),
      'participantsByKind', (SELECT jsonb_object_agg(k, coalesce(n, 0)) FROM unnest(enum_range(NULL::"WorkshopKind")::text[]) k
          LEFT JOIN (SELECT kind::text AS key, sum(participants) AS n FROM workshops_ GROUP BY 1) c ON c.key = k)
    ),
    'months', (SELECT jsonb_object_agg(m.month, jsonb_build_object(
                 'encounters', coalesce(x.encounters, 0), 'contacts', coalesce(x.contacts, 0),
                 'personsMet', coalesce(x.persons_met, 0)))
                 FROM months m LEFT JOIN monthly x ON x.month = m.month)
  )
  );
END
$$;
