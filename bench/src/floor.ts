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
  // The dashboard's indicators, as app.indicator_counts computes them for the API, but as a
  // plain query under the viewer's row-level security.
  dashboard: {
    sql: `WITH e AS (SELECT id, person_id, channel, place_type, themes, head_count FROM encounters
                      WHERE organisation_id = app.org_id() AND occurred_at >= $1 AND occurred_at < $2),
               met AS (SELECT DISTINCT p.id, p.gender, p.birth_year FROM e JOIN persons p ON p.id = e.person_id),
               visits AS (SELECT v.id FROM nurse_visits v
                           WHERE (v.organisation_id = app.org_id() OR v.worker_organisation_id = app.org_id())
                             AND v.status = 'COMPLETED' AND v.planned_start >= $1 AND v.planned_start < $2)
          SELECT json_build_object(
            'encounters', (SELECT count(*) FROM e),
            'contacts', (SELECT coalesce(sum(head_count), 0) FROM e),
            'personsMet', (SELECT count(*) FROM met),
            'visitsCompleted', (SELECT count(*) FROM visits),
            'byPlace', (SELECT json_object_agg(place_type, n) FROM (SELECT place_type, count(*) n FROM e GROUP BY 1) x),
            'byChannel', (SELECT json_object_agg(channel, n) FROM (SELECT channel, count(*) n FROM e GROUP BY 1) x),
            'byTheme', (SELECT json_object_agg(theme, n) FROM (SELECT unnest(themes) theme, count(*) n FROM e GROUP BY 1) x),
            'materials', (SELECT json_object_agg(item, n) FROM (
                SELECT m.item, sum(m.quantity) n FROM encounter_materials m JOIN e ON e.id = m.encounter_id
                 WHERE m.organisation_id = app.org_id() GROUP BY 1) x),
            'personsByGender', (SELECT json_object_agg(gender, n) FROM (SELECT gender, count(*) n FROM met GROUP BY 1) x),
            'personsByAge', (SELECT json_object_agg(bracket, n) FROM (
                SELECT CASE WHEN birth_year IS NULL THEN 'UNKNOWN'
                            WHEN extract(year FROM $2::timestamptz) - birth_year < 18 THEN 'UNDER_18'
                            WHEN extract(year FROM $2::timestamptz) - birth_year <= 25 THEN 'AGE_18_25'
                            WHEN extract(year FROM $2::timestamptz) - birth_year <= 35 THEN 'AGE_26_35'
                            ELSE 'AGE_36_PLUS' END AS bracket, count(*) n FROM met GROUP BY 1) x),
            'acts', (SELECT json_object_agg(kind, n) FROM (
                SELECT a.kind, sum(a.count) n FROM clinical_acts a JOIN visits v ON v.id = a.nurse_visit_id GROUP BY 1) x),
            'accompaniments', (SELECT json_object_agg(status, n) FROM (
                SELECT status, count(*) n FROM accompaniments
                 WHERE organisation_id = app.org_id() AND planned_at >= $1 AND planned_at < $2 GROUP BY 1) x),
            'referrals', (SELECT json_object_agg(status, n) FROM (
                SELECT status, count(*) n FROM referrals
                 WHERE from_organisation_id = app.org_id() AND created_at >= $1 AND created_at < $2 GROUP BY 1) x)
          ) AS result`,
    params: (body) => [body.from, body.to],
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
