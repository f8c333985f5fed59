/**
 * The floor: a plain node:http server answering the benchmark's operations with one
 * hand-written SQL query each, in a transaction as maillage_app with the viewer set by
 * app.begin_request — the same sessions and row-level security as the API, nothing else.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const operations: Record<string, { sql: string; params(body: Record<string, unknown>): unknown[] }> = {
  caseload: {
    sql: `SELECT coalesce(json_agg(json_build_object('id', p.id, 'alias', p.alias, 'birthYear', p.birth_year,
                   'encounters', e.list) ORDER BY p.alias_search, p.id), '[]') AS result
            FROM (SELECT id, alias, birth_year, alias_search FROM persons
                   WHERE organisation_id = app.org_id() AND archived_at IS NULL
                   ORDER BY alias_search, id LIMIT 50) p
            CROSS JOIN LATERAL (
              SELECT coalesce(json_agg(json_build_object('id', x.id, 'occurredAt', x.occurred_at, 'channel', x.channel,
                       'placeType', x.place_type, 'themes', x.themes) ORDER BY x.occurred_at DESC, x.id DESC), '[]') AS list
                FROM (SELECT id, occurred_at, channel, place_type, themes FROM encounters
                       WHERE person_id = p.id ORDER BY occurred_at DESC, id DESC LIMIT 10) x) e`,
    params: () => [],
  },
  person: {
    sql: `SELECT json_build_object('id', p.id, 'alias', p.alias,
              'encounters', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'occurredAt', x.occurred_at) ORDER BY x.occurred_at DESC, x.id DESC), '[]')
                               FROM (SELECT id, occurred_at FROM encounters WHERE person_id = p.id ORDER BY occurred_at DESC, id DESC LIMIT 20) x),
              'accompaniments', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'plannedAt', x.planned_at) ORDER BY x.planned_at DESC, x.id DESC), '[]')
                               FROM (SELECT id, planned_at FROM accompaniments WHERE person_id = p.id ORDER BY planned_at DESC, id DESC LIMIT 20) x),
              'referrals', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'status', x.status) ORDER BY x.created_at DESC, x.id DESC), '[]')
                               FROM (SELECT id, status, created_at FROM referrals WHERE person_id = p.id ORDER BY created_at DESC, id DESC LIMIT 20) x),
              'nurseVisits', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'plannedStart', x.planned_start) ORDER BY x.planned_start DESC, x.id DESC), '[]')
                               FROM (SELECT v.id, v.planned_start FROM nurse_visits v JOIN nurse_visit_persons vp ON vp.nurse_visit_id = v.id
                                      WHERE vp.person_id = p.id ORDER BY v.planned_start DESC, v.id DESC LIMIT 20) x)
            ) AS result
            FROM persons p WHERE p.id = $1`,
    params: (body) => [body.personId],
  },
  inbox: {
    sql: `SELECT coalesce(json_agg(json_build_object('id', r.id, 'status', r.status, 'urgency', r.urgency,
                   'createdAt', r.created_at, 'alias', p.alias, 'from', o.name) ORDER BY r.updated_at DESC, r.id DESC), '[]') AS result
            FROM (SELECT * FROM referrals WHERE to_organisation_id = app.org_id() ORDER BY updated_at DESC, id DESC LIMIT 50) r
            LEFT JOIN persons p ON p.id = r.person_id
            JOIN organisations o ON o.id = r.from_organisation_id`,
    params: () => [],
  },
  encounter: {
    sql: `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes, anonymous_gender, anonymous_age_bracket)
          VALUES (app.org_id(), app.user_id(), now(), 'IN_PERSON', 'WORKPLACE', '{SEXUALITY}', 'WOMAN', 'AGE_18_25')
          RETURNING json_build_object('id', id) AS result`,
    params: () => [],
  },
  // (e) A coordinator's own indicators for a period and the one before, exact and live: the
  // same aggregates the API reads (app.organisation_indicator_figures, a hand-written SQL
  // function, and app.organisation_intake_indicators), called once for each period in one
  // statement, with the catalogue's names and the organisation's settings, under the viewer's
  // row-level security. A hand-written server would run the same aggregate query: copying its
  // 280 lines here would measure the same plan, so the floor is the SQL itself and the ratio is
  // what the API adds around it (its other statements, Prisma, GraphQL, the shaping in Node).
  dashboard: {
    sql: `SELECT json_build_object(
              'name', o.name, 'timeZone', o.time_zone, 'followUpMinEncounters', o.follow_up_min_encounters,
              'current', app.organisation_indicator_figures($1::timestamptz, $2::timestamptz, o.time_zone),
              'previous', app.organisation_indicator_figures($3::timestamptz, $4::timestamptz, o.time_zone),
              'intakes', app.organisation_intake_indicators($1::timestamptz, $2::timestamptz),
              'previousIntakes', app.organisation_intake_indicators($3::timestamptz, $4::timestamptz),
              'labels', (SELECT coalesce(json_object_agg(code, json_build_array(label_fr, label_en)), '{}')
                           FROM (SELECT DISTINCT ON (code) code, label_fr, label_en FROM catalogue_entries
                                  WHERE organisation_id = app.org_id()
                                  ORDER BY code, created_at, organisation_id) c)
            ) AS result
            FROM organisations o WHERE o.id = app.org_id()`,
    params: (body) => [body.from, body.to, body.previousFrom, body.previousTo],
  },
  // (f) A committee member's partnership figures, served warm: the day's stored snapshot of the
  // year and of the year before, the range asked for and the year's months, read by hand through
  // app.partnership_indicator_snapshot (the app role has no grant on indicator_snapshots; the
  // function is its SELECT … WHERE partnership_id AND fiscal_year, with the entitlement check).
  // It does not compute a missing snapshot: the bench reads it warm.
  snapshot: {
    sql: `SELECT json_build_object(
              'name', p.name, 'asOf', s.computed_at, 'computedOn', s.computed_on, 'settings', s.settings,
              'current', s.published->'ranges'->($3::text),
              'previous', (SELECT b.published->'ranges'->($3::text) FROM app.partnership_indicator_snapshot($1::uuid, $2::int - 1) b),
              'months', s.published->'months',
              'startedOn', s.published->'startedOn'
            ) AS result
            FROM app.partnership_indicator_snapshot($1::uuid, $2::int) s
            JOIN partnerships p ON p.id = $1::uuid`,
    params: (body) => [body.partnershipId, body.fiscalYear, body.range],
  },
};

function token(cookie: string | undefined): string | null {
  const found = /maillage_session=([\w-]+)/.exec(cookie ?? "");
  return found?.[1] ?? null;
}

const server = createServer(async (req, res) => {
  const operation = operations[(req.url ?? "").slice(1)];
  const secret = token(req.headers.cookie);
  if (!operation || req.method !== "POST" || !secret) {
    res.writeHead(404).end();
    return;
  }
  let raw = "";
  for await (const chunk of req) raw += chunk;
  const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL ROLE maillage_app");
    const viewer = await client.query("SELECT 1 FROM app.begin_request($1)", [
      createHash("sha256").update(secret).digest("hex"),
    ]);
    if (viewer.rowCount === 0) throw new Error("no session");
    const { rows } = await client.query<{ result: unknown }>(operation.sql, operation.params(body));
    await client.query("COMMIT");
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ data: rows[0]?.result ?? null }));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
  } finally {
    client.release();
  }
});

server.listen(Number(process.env.PORT ?? 4500), "127.0.0.1", () => console.log("floor ready"));
