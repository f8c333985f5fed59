/**
 * Test factories: each test makes its own organisations, users and records, as the database
 * owner (bypassing row-level security), so tests never depend on each other or on the seed.
 */
import { randomUUID } from "node:crypto";
import { rolesRequiringSecondFactor } from "@maillage/domain";
import { hash } from "@node-rs/argon2";
import { HOTP, Secret, TOTP } from "otpauth";
import pg from "pg";
import type { OrganisationKind, Role, SharedRecordKind } from "../generated/prisma/enums.ts";

/** The id an `INSERT … RETURNING id` gave back (it returns its row or fails). */
function returnedId(rows: { id: string }[]): string {
  const [row] = rows;
  if (!row) throw new Error("INSERT … RETURNING id returned no row");
  return row.id;
}

export const testPassword = "correct horse battery staple";
let testPasswordHash: Promise<string> | null = null;

function hashed(password: string): Promise<string> {
  // One hash for the shared test password: hashing costs ~50 ms on purpose.
  if (password === testPassword) {
    testPasswordHash ??= hash(testPassword, { algorithm: 2 });
    return testPasswordHash;
  }
  return hash(password, { algorithm: 2 });
}

const pools = new Map<string, pg.Pool>();

/** An owner connection pool for factories and SQL-level checks (one per database URL). */
export function adminPool(databaseUrl: string): pg.Pool {
  let pool = pools.get(databaseUrl);
  if (!pool) {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    pools.set(databaseUrl, pool);
  }
  return pool;
}

/** Closes the owner pool of one database: before that database is dropped, whose FORCE would
 * otherwise end the pool's idle connections under it (an uncaught error in the test process). */
export async function closeAdminPool(databaseUrl: string): Promise<void> {
  const pool = pools.get(databaseUrl);
  pools.delete(databaseUrl);
  await pool?.end();
}

export async function closeAdminPools(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.end()));
  pools.clear();
}

function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface TestOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export async function createOrganisation(
  pool: pg.Pool,
  options: { kind?: OrganisationKind; name?: string } = {},
): Promise<TestOrganisation> {
  const kind = options.kind ?? "COMMUNITY_GROUP";
  const name = options.name ?? unique("Organisme");
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, kind) VALUES ($1, $2::"OrganisationKind") RETURNING id`,
    [name, kind],
  );
  return { id: returnedId(rows), name, kind };
}

export async function createPartnership(
  pool: pg.Pool,
  options: { organisationIds: string[]; name?: string; sharedKinds?: SharedRecordKind[] },
): Promise<{ id: string; name: string }> {
  const name = options.name ?? unique("Partenariat");
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO partnerships (name) VALUES ($1) RETURNING id",
    [name],
  );
  const id = returnedId(rows);
  for (const organisationId of options.organisationIds) {
    await pool.query("INSERT INTO partnership_members (partnership_id, organisation_id) VALUES ($1, $2)", [
      id,
      organisationId,
    ]);
  }
  await pool.query(
    `INSERT INTO sharing_agreements (partnership_id, record_kinds) VALUES ($1, $2::"SharedRecordKind"[])`,
    [
      id,
      options.sharedKinds ?? [
        "PROFILE",
        "ENCOUNTERS_SUMMARY",
        "ACCOMPANIMENTS",
        "REFERRALS",
        "NURSE_VISIT_LOGISTICS",
      ],
    ],
  );
  return { id, name };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  /** The authenticator secret of a user with a confirmed second factor (coordinators, admins). */
  totpSecret?: string;
}

/** Gives `userId` a confirmed authenticator secret, as if she had enrolled; answers it. */
export async function enrolSecondFactor(pool: pg.Pool, userId: string, secret?: string): Promise<string> {
  const totpSecret = secret ?? new Secret({ size: 20 }).base32;
  await pool.query(
    `INSERT INTO user_second_factors (user_id, totp_secret, confirmed_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET totp_secret = EXCLUDED.totp_secret, confirmed_at = now(), last_used_step = NULL`,
    [userId, totpSecret],
  );
  return totpSecret;
}

const secondFactors = new Map<string, { pool: pg.Pool; secret: string }>();

/** Tells signInCodeFor the authenticator secret of an account made elsewhere (the demo seed's). */
export function knowSecondFactor(pool: pg.Pool, email: string, secret: string): void {
  secondFactors.set(email, { pool, secret });
}

/** The code an authenticator app holding `secret` shows now (a secret read off the enrolment page). */
export function currentCodeOf(secret: string, now = Date.now()): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secret),
    counter: TOTP.counter({ period: 30, timestamp: now }),
  });
}

/**
 * A code for signing in now as the user of `email`, when createUser gave her a second factor in
 * this process (null otherwise), as her authenticator app would show it. The server accepts a
 * time step once; a test signs in as the same user far more often than every 30 seconds, so the
 * step last accepted for her is forgotten first (the fixture's doing, never the API's).
 */
export async function signInCodeFor(email: string, now = Date.now()): Promise<string | null> {
  const factor = secondFactors.get(email);
  if (!factor) return null;
  await factor.pool.query(
    "UPDATE user_second_factors SET last_used_step = NULL WHERE user_id = (SELECT id FROM users WHERE email = $1)",
    [email],
  );
  const step = TOTP.counter({ period: 30, timestamp: now });
  return HOTP.generate({ secret: Secret.fromBase32(factor.secret), counter: step });
}

export async function createUser(
  pool: pg.Pool,
  options: {
    memberships?: { organisationId: string; roles: Role[] }[];
    committeePartnershipIds?: string[];
    password?: string;
    email?: string;
    displayName?: string;
    /** Enrol a second factor (by default: when a membership's roles require one). */
    secondFactor?: boolean;
  } = {},
): Promise<TestUser> {
  const password = options.password ?? testPassword;
  const email = options.email ?? `${unique("user")}@test.example`;
  const displayName = options.displayName ?? unique("Intervenante");
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
    [email, displayName, await hashed(password)],
  );
  const id = returnedId(rows);
  for (const [index, membership] of (options.memberships ?? []).entries()) {
    await pool.query(
      `INSERT INTO memberships (user_id, organisation_id, roles, created_at)
       VALUES ($1, $2, $3::"Role"[], now() + make_interval(secs => $4))`,
      [id, membership.organisationId, membership.roles, index],
    );
  }
  for (const partnershipId of options.committeePartnershipIds ?? []) {
    await pool.query("INSERT INTO committee_seats (user_id, partnership_id) VALUES ($1, $2)", [
      id,
      partnershipId,
    ]);
  }
  const needsSecondFactor = (options.memberships ?? []).some((m) =>
    m.roles.some((role) => (rolesRequiringSecondFactor as readonly Role[]).includes(role)),
  );
  if (options.secondFactor ?? needsSecondFactor) {
    const totpSecret = await enrolSecondFactor(pool, id);
    secondFactors.set(email, { pool, secret: totpSecret });
    return { id, email, password, displayName, totpSecret };
  }
  return { id, email, password, displayName };
}

export async function createPerson(
  pool: pg.Pool,
  options: { organisationId: string; alias?: string; birthYear?: number; legalName?: string },
): Promise<{ id: string; alias: string }> {
  const alias = options.alias ?? unique("Alias");
  const aliasSearch = alias.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO persons (organisation_id, alias, alias_search, birth_year, gender, languages)
     VALUES ($1, $2, $3, $4, 'WOMAN', '{fr}') RETURNING id`,
    [options.organisationId, alias, aliasSearch, options.birthYear ?? 1995],
  );
  const id = returnedId(rows);
  if (options.legalName) {
    await pool.query(
      "INSERT INTO person_legal_names (person_id, organisation_id, legal_name) VALUES ($1, $2, $3)",
      [id, options.organisationId, options.legalName],
    );
  }
  return { id, alias };
}

export async function createEncounter(
  pool: pg.Pool,
  options: { organisationId: string; authorId: string; personId?: string; note?: string },
): Promise<{ id: string }> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type, themes)
     VALUES ($1, $2, $3, now() - interval '1 day', 'IN_PERSON', 'WORKPLACE', '{SEXUALITY}')
     RETURNING id`,
    [options.organisationId, options.personId ?? null, options.authorId],
  );
  const id = returnedId(rows);
  if (options.note) {
    await pool.query(
      "INSERT INTO encounter_notes (encounter_id, organisation_id, body) VALUES ($1, $2, $3)",
      [id, options.organisationId, options.note],
    );
  }
  return { id };
}

/**
 * Runs hand-written SQL as the app role with a viewer set, exactly as the API's transaction
 * does, to check row-level security without going through the API.
 */
export async function queryAsViewer<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  viewer: { userId: string; organisationId: string | null; roles: Role[] },
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL ROLE maillage_app");
    await client.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true),
              set_config('app.roles', $3, true)`,
      [viewer.userId, viewer.organisationId ?? "", `{${viewer.roles.join(",")}}`],
    );
    const { rows } = await client.query<R>(sql, params);
    return rows;
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}
