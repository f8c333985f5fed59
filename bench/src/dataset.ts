/**
 * The benchmark's dataset, generated inside PostgreSQL (INSERT … SELECT over generate_series),
 * deterministic: every value derives from the row number through hashing, never from random().
 */
import { hash } from "@node-rs/argon2";
import type pg from "pg";

export interface Scale {
  organisations: number;
  persons: number;
  encounters: number;
  referrals: number;
  nurseVisits: number;
  accompaniments: number;
}

export const fullScale: Scale = {
  organisations: 50,
  persons: 100_000,
  encounters: 2_000_000,
  referrals: 50_000,
  nurseVisits: 20_000,
  accompaniments: 20_000,
};
export const quickScale: Scale = {
  organisations: 10,
  persons: 5_000,
  encounters: 100_000,
  referrals: 2_000,
  nurseVisits: 1_000,
  accompaniments: 1_000,
};

export const benchPassword = "bench-password-2026";
/** Every benchmark user's authenticator secret (coordinators must sign in with a code). */
export const benchTotpSecret = "MAILLAGEBENCHTOTPSECRET234567ABC";
/** Organisations come in partnerships of 5: 4 community groups, then 1 public-health agency. */
const groupSize = 5;

/** A deterministic number in [0, n) from a row number and a salt. */
const h = (expr: string, salt: number, n: number) =>
  `(abs(hashint8((${expr})::bigint * 7919 + ${salt})) % ${n})`;

export async function generateDataset(client: pg.ClientBase, scale: Scale): Promise<{ seconds: number }> {
  const started = Date.now();
  // Person i belongs to a community group of partnership (i % organisations) / 5, which one
  // turning with i / organisations, so that every group holds every kind of person.
  const member = (i: string) => `((${i}) / ${scale.organisations} % ${groupSize - 1})`;
  const community = (i: string) =>
    `((${i}) % ${scale.organisations} / ${groupSize} * ${groupSize} + ${member(i)})`;
  await client.query("SET max_parallel_workers_per_gather = 0");
  await client.query("BEGIN");
  await client.query(`
    CREATE TEMP TABLE org_ids ON COMMIT DROP AS
      SELECT n, md5('org' || n)::uuid AS id, (n % ${groupSize} = ${groupSize - 1}) AS public_health
        FROM generate_series(0, ${scale.organisations - 1}) n`);
  await client.query(`
    INSERT INTO organisations (id, name, kind)
    SELECT id, 'Organisme ' || n, CASE WHEN public_health THEN 'PUBLIC_HEALTH' ELSE 'COMMUNITY_GROUP' END::"OrganisationKind"
      FROM org_ids`);
  await client.query(`
    INSERT INTO partnerships (id, name) SELECT md5('partnership' || g)::uuid, 'Partenariat ' || g
      FROM generate_series(0, ${Math.ceil(scale.organisations / groupSize) - 1}) g`);
  await client.query(`
    INSERT INTO partnership_members (partnership_id, organisation_id)
    SELECT md5('partnership' || (n / ${groupSize}))::uuid, id FROM org_ids`);
  await client.query(`
    INSERT INTO sharing_agreements (partnership_id, record_kinds)
    SELECT id, '{PROFILE,ENCOUNTERS_SUMMARY,ACCOMPANIMENTS,REFERRALS,NURSE_VISIT_LOGISTICS}' FROM partnerships`);
  // One worker per community group, one nurse per public-health agency.
  const passwordHash = await hash(benchPassword, { algorithm: 2 });
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash)
     SELECT md5('user' || n)::uuid, 'user' || n || '@bench.example', 'Utilisatrice ' || n, $1 FROM org_ids`,
    [passwordHash],
  );
  // A committee member: no organisation, a seat on a partnership given by the benchmark (main.ts
  // seats it on the partnership of the busiest organisation).
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash)
     VALUES (md5('committee')::uuid, $1, 'Membre du comité', $2)`,
    [benchCommittee.email, passwordHash],
  );
  await client.query(
    `INSERT INTO user_second_factors (user_id, totp_secret, confirmed_at)
     SELECT id, $1, now() FROM users`,
    [benchTotpSecret],
  );
  await client.query(`
    INSERT INTO memberships (user_id, organisation_id, roles)
    SELECT md5('user' || n)::uuid, id, CASE WHEN public_health THEN '{NURSE}' ELSE '{OUTREACH_WORKER,COORDINATOR}' END::"Role"[]
      FROM org_ids`);
  await client.query(`
    INSERT INTO persons (id, organisation_id, alias, alias_search, birth_year, gender, languages, in_regular_follow_up, created_by_id, created_at)
    SELECT md5('person' || i)::uuid, md5('org' || ${community("i")})::uuid,
           'Personne ' || i, 'personne ' || lpad(i::text, 7, '0'), 1960 + ${h("i", 1, 45)},
           'WOMAN', '{fr}', ${h("i", 2, 3)} = 0, md5('user' || ${community("i")})::uuid, now() - interval '800 days'
      FROM generate_series(0, ${scale.persons - 1}) i`);
  await client.query(`
    INSERT INTO encounters (id, organisation_id, person_id, author_id, occurred_at, channel, place_type, themes, created_at)
    SELECT md5('encounter' || e)::uuid, md5('org' || ${community("p")})::uuid, md5('person' || p)::uuid,
           md5('user' || ${community("p")})::uuid,
           now() - make_interval(mins => ${h("e", 3, 730 * 24 * 60)}::int),
           (ARRAY['IN_PERSON','IN_PERSON','IN_PERSON','PHONE','SMS'])[1 + ${h("e", 4, 5)}]::"Channel",
           (ARRAY['WORKPLACE','WORKPLACE','WORKPLACE','OFFICE','HOME','PUBLIC_PLACE','BAR'])[1 + ${h("e", 5, 7)}]::"PlaceType",
           ARRAY[(ARRAY['SOCIAL_RELATIONS','SEXUALITY','SUBSTANCE_USE','FINANCES','HOUSING'])[1 + ${h("e", 6, 5)}]]::"Theme"[],
           now()
      FROM generate_series(0, ${scale.encounters - 1}) e, LATERAL (SELECT ${h("e", 7, scale.persons)} AS p) x`);
  await client.query(`
    INSERT INTO encounter_materials (encounter_id, organisation_id, item, quantity)
    SELECT id, organisation_id, 'CONDOMS', 1 + ${h("abs(hashtext(id::text))", 8, 20)} FROM encounters
     WHERE ${h("abs(hashtext(id::text))", 9, 10)} < 6`);
  // ~10 % of persons consent to their partnership's public-health agency.
  const healthOf = (i: string) =>
    `(((${i}) % ${scale.organisations}) / ${groupSize} * ${groupSize} + ${groupSize - 1})`;
  await client.query(`
    INSERT INTO consents (id, organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at)
    SELECT md5('consent' || i)::uuid, md5('org' || ${community("i")})::uuid, md5('person' || i)::uuid,
           md5('org' || ${healthOf("i")})::uuid, '{PROFILE,ENCOUNTERS_SUMMARY,REFERRALS,NURSE_VISIT_LOGISTICS}',
           md5('user' || ${community("i")})::uuid, now() - interval '400 days'
      FROM generate_series(0, ${scale.persons - 1}) i WHERE i % 10 = 0`);
  // Referrals go to the next community group of the partnership, on a consent naming it, so
  // every community group (the viewer's included) has an inbox.
  const receiverOf = (i: string) =>
    `(((${i}) % ${scale.organisations}) / ${groupSize} * ${groupSize} + (${member(i)} + 1) % ${groupSize - 1})`;
  await client.query(`
    INSERT INTO consents (id, organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at)
    SELECT md5('referral-consent' || i)::uuid, md5('org' || ${community("i")})::uuid, md5('person' || i)::uuid,
           md5('org' || ${receiverOf("i")})::uuid, '{PROFILE,REFERRALS}', md5('user' || ${community("i")})::uuid, now() - interval '400 days'
      FROM generate_series(0, ${scale.persons - 1}) i WHERE i % 10 = 1`);
  await client.query(`
    INSERT INTO referrals (id, person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id, reason,
                           service_requested, urgency, status, created_at, updated_at)
    SELECT md5('referral' || r)::uuid, md5('person' || i)::uuid, md5('org' || ${community("i")})::uuid,
           md5('user' || ${community("i")})::uuid, md5('org' || ${receiverOf("i")})::uuid, md5('referral-consent' || i)::uuid,
           'Dépistage', 'Rendez-vous', (ARRAY['ROUTINE','SOON','URGENT'])[1 + ${h("r", 10, 3)}]::"Urgency",
           (ARRAY['SENT','ACCEPTED','IN_PROGRESS','COMPLETED','DECLINED'])[1 + ${h("r", 11, 5)}]::"ReferralStatus",
           now() - make_interval(days => ${h("r", 12, 700)}::int), now() - make_interval(days => ${h("r", 13, 30)}::int)
      FROM generate_series(0, ${scale.referrals - 1}) r,
           LATERAL (SELECT (${h("r", 14, Math.floor(scale.persons / 10))}) * 10 + 1 AS i) x`);
  await client.query(`
    INSERT INTO nurse_visits (id, organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                              planned_start, planned_end, status, proposed_by_id)
    SELECT md5('visit' || v)::uuid, md5('org' || ${healthOf("i")})::uuid, md5('user' || ${healthOf("i")})::uuid,
           md5('user' || ${community("i")})::uuid, md5('org' || ${community("i")})::uuid, 'HOME',
           t, t + interval '1 hour', 'COMPLETED', md5('user' || ${community("i")})::uuid
      FROM generate_series(0, ${scale.nurseVisits - 1}) v,
           LATERAL (SELECT ${h("v", 15, scale.persons)} AS i, now() - make_interval(days => ${h("v", 16, 700)}::int) AS t) x`);
  await client.query(`
    INSERT INTO accompaniments (id, organisation_id, person_id, worker_id, destination, planned_at, status, created_at)
    SELECT md5('accompaniment' || a)::uuid, md5('org' || ${community("i")})::uuid, md5('person' || i)::uuid,
           md5('user' || ${community("i")})::uuid,
           (ARRAY['COURT','HOSPITAL_OR_CLINIC','HOUSING','SOCIAL_SERVICES'])[1 + ${h("a", 18, 4)}]::"AccompanimentDestination",
           t, CASE WHEN t < now() THEN 'DONE' ELSE 'PLANNED' END::"AccompanimentStatus", t - interval '7 days'
      FROM generate_series(0, ${scale.accompaniments - 1}) a,
           LATERAL (SELECT ${h("a", 17, scale.persons)} AS i, now() - make_interval(days => ${h("a", 19, 700)}::int - 30) AS t) x`);
  await client.query(`
    INSERT INTO nurse_visit_persons (nurse_visit_id, person_id)
    SELECT md5('visit' || v)::uuid, md5('person' || ${h("v", 15, scale.persons)})::uuid
      FROM generate_series(0, ${scale.nurseVisits - 1}) v`);
  await client.query("COMMIT");
  await client.query("ANALYZE");
  return { seconds: (Date.now() - started) / 1000 };
}

/** The viewer both targets act as: the worker of community group 0. */
export const benchViewer = { email: "user0@bench.example", organisationIndex: 0 };

/** A committee member without an organisation (seated by main.ts). */
export const benchCommittee = { email: "committee@bench.example" };
