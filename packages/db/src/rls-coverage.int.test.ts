/**
 * The database's own permissions, as the migrations leave them (issue 13):
 * 1. every application table has row-level security enabled and forced, except the named
 *    allow-lists below, each with its reason;
 * 2. a committed snapshot (row-level-security.snap.txt) of every policy, the request roles'
 *    grants and the functions of schema app. A diff in it changes who can read or write what
 *    through the database: review it as a permission change. To accept a reviewed change:
 *      UPDATE_SNAPSHOTS=1 pnpm exec vitest run packages/db/src/rls-coverage.int.test.ts
 * 3. every role list written in SQL is the permission registry's (testing/sql-role-lists.ts).
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import type pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import { adminPool } from "./factories.ts";
import {
  appFunctions,
  type FunctionRow,
  grants,
  type PolicyRow,
  policies,
  schemaGrants,
  type TableSecurity,
  tableSecurity,
} from "./testing/database-permissions.ts";
import { foundIn, literalsIn, registryRoleLists, roleListDisagreements } from "./testing/sql-role-lists.ts";

/** Tables without row-level security. None holds person-level data. */
const withoutRowLevelSecurity: Record<string, string> = {
  _prisma_migrations: "the migration runner's bookkeeping: no request role has any grant on it (asserted)",
  sign_in_attempts:
    "the sign-in throttle's counters (e-mail, address, time): the sign-in role's only (asserted)",
};

/**
 * Enabled but not forced: they hold no person-level data, and app.begin_request (SECURITY
 * DEFINER) reads them as their owner to open every request. Forcing them would hold the owner to
 * policies written for the request roles only, were it not a superuser (asserted below).
 */
const enabledNotForced: Record<string, string> = {
  users: "app.begin_request and sign-in read them; the app role sees colleagues, never a password hash",
  memberships: "app.begin_request reads the acting membership; sharing and scheduling functions read them",
  committee_seats: "app.begin_request reads the viewer's seats; the indicators read them",
  sessions:
    "the sign-in role's; app.begin_request reads them as the owner; the app role has no grant (asserted)",
  partnerships: "read by the sharing and indicator functions as the owner",
  organisations:
    "the directory of organisation names that every signed-in member reads (to act as one, to name a partner: policy organisations_directory); app.begin_request and the sharing functions read it as the owner; the app role changes the three programme-settings columns only (asserted), of the acting organisation, as its coordinator",
  partnership_members: "read by the sharing, scheduling and indicator functions as the owner",
};

/** Tables whose row-level security is not what the lists above say, and stale entries of them. */
function coverageGaps(found: TableSecurity[]): string[] {
  const gaps: string[] = [];
  for (const t of found) {
    if (!t.enabled && !(t.table in withoutRowLevelSecurity)) {
      gaps.push(
        `${t.table}: row-level security is off (enable and force it, or name it in withoutRowLevelSecurity with its reason)`,
      );
    } else if (t.enabled && !t.forced && !(t.table in enabledNotForced)) {
      gaps.push(
        `${t.table}: row-level security is not forced (force it, or name it in enabledNotForced with its reason)`,
      );
    }
  }
  for (const [list, names] of [
    ["withoutRowLevelSecurity", Object.keys(withoutRowLevelSecurity)],
    ["enabledNotForced", Object.keys(enabledNotForced)],
  ] as const) {
    for (const name of names) {
      const t = found.find((table) => table.table === name);
      const off = t?.enabled === false;
      const unforced = t?.enabled === true && !t.forced;
      if (!(list === "withoutRowLevelSecurity" ? off : unforced)) {
        gaps.push(`${name}: named in ${list}, but no table is so (remove it from the list)`);
      }
    }
  }
  return gaps;
}

const snapshotFile = new URL("./row-level-security.snap.txt", import.meta.url);
const snapshotHeader = `# Row-level security and grants of the request roles (maillage_app, maillage_auth), as the
# migrations leave them. Written by packages/db/src/rls-coverage.int.test.ts; rewrite it with
#   UPDATE_SNAPSHOTS=1 pnpm exec vitest run packages/db/src/rls-coverage.int.test.ts
# A diff here changes who can read or write what through the database: review it as a permission
# change, like apps/api/src/access/permission-declarations.snap.txt.
`;

let pool: pg.Pool;
let tables: TableSecurity[];
let policyRows: PolicyRow[];
let functions: FunctionRow[];

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  [tables, policyRows, functions] = await Promise.all([
    tableSecurity(pool),
    policies(pool),
    appFunctions(pool),
  ]);
});

const privileges = async (role: string, table: string) => {
  const { rows } = await pool.query<{ privileges: string[] }>(
    `SELECT ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p
                   WHERE CASE WHEN has_table_privilege($1, $2, p) THEN true
                              WHEN p = 'DELETE' THEN false
                              ELSE has_any_column_privilege($1, $2, p) END) AS privileges`,
    [role, table],
  );
  return rows[0]?.privileges ?? [];
};

/** The columns a role may UPDATE in a table (by a table or a column grant). */
const updatableColumns = async (role: string, table: string) => {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $2 AND has_column_privilege($1, $2, column_name, 'UPDATE')
      ORDER BY column_name`,
    [role, table],
  );
  return rows.map((row) => row.column_name);
};

describe("row-level security on every table", () => {
  it("is enabled and forced everywhere but the named tables", () => {
    expect(coverageGaps(tables)).toEqual([]);
  });

  it("would catch a new table without it, one left unforced, and a stale exception (the check can fail)", () => {
    const doctored = [
      ...tables.filter((t) => t.table !== "sign_in_attempts"),
      { table: "clinical_results", enabled: false, forced: false },
      { table: "person_photos", enabled: true, forced: false },
    ];
    expect(coverageGaps(doctored)).toEqual([
      "clinical_results: row-level security is off (enable and force it, or name it in withoutRowLevelSecurity with its reason)",
      "person_photos: row-level security is not forced (force it, or name it in enabledNotForced with its reason)",
      "sign_in_attempts: named in withoutRowLevelSecurity, but no table is so (remove it from the list)",
    ]);
  });

  it("gives the request roles, where it is off or unforced, no more than reading the directory and setting its own settings", async () => {
    expect(await privileges("maillage_app", "_prisma_migrations")).toEqual([]);
    expect(await privileges("maillage_auth", "_prisma_migrations")).toEqual([]);
    expect(await privileges("maillage_app", "sign_in_attempts")).toEqual([]);
    expect(await privileges("maillage_app", "organisations")).toEqual(["SELECT", "UPDATE"]);
    expect(await updatableColumns("maillage_app", "organisations")).toEqual([
      "fiscal_year_start_month",
      "follow_up_min_encounters",
      "locale",
      "retention_years",
      "started_on",
      "time_zone",
    ]);
    expect(await privileges("maillage_auth", "organisations")).toEqual(["SELECT"]);
    expect(await privileges("maillage_app", "sessions")).toEqual([]);
  });

  it("runs every SECURITY DEFINER function as an owner that bypasses it (else forced tables hide their rows)", () => {
    const definers = functions.filter((fn) => fn.securityDefiner);
    expect(definers.length).toBeGreaterThan(0);
    expect(definers.filter((fn) => !fn.ownerBypassesRls).map((fn) => fn.signature)).toEqual([]);
  });
});

function snapshotText(grantLines: string[], schemaLines: string[]): string {
  const lines = [snapshotHeader, "## Tables: row-level security", ""];
  for (const t of tables)
    lines.push(`${t.table}: ${t.enabled ? (t.forced ? "enabled, forced" : "enabled") : "off"}`);
  lines.push("", "## Policies", "");
  for (const p of policyRows) {
    lines.push(`${p.table}.${p.policy}: ${p.permissive} ${p.command} TO ${p.roles.join(", ")}`);
    if (p.using !== null) lines.push(`  USING ${p.using}`);
    if (p.check !== null) lines.push(`  WITH CHECK ${p.check}`);
  }
  lines.push("", "## Grants to the request roles and PUBLIC", "", ...schemaLines, ...grantLines);
  lines.push("", "## Functions of schema app (EXECUTE besides the owner; body's md5)", "");
  for (const fn of functions) {
    const security = fn.securityDefiner ? "SECURITY DEFINER" : "SECURITY INVOKER";
    lines.push(
      `${fn.signature}: ${fn.volatility} ${security}; EXECUTE ${fn.executors.join(", ") || "owner only"}`,
    );
    lines.push(`  body ${createHash("md5").update(fn.source).digest("hex")}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("the snapshot of policies and grants", () => {
  it("matches the reviewed snapshot", async () => {
    const actual = snapshotText(await grants(pool), await schemaGrants(pool));
    if (process.env.UPDATE_SNAPSHOTS === "1") await writeFile(snapshotFile, actual);
    const committed = await readFile(snapshotFile, "utf8").catch(() => "(no snapshot committed yet)\n");
    expect(actual).toBe(committed);
  });
});

describe("role lists in SQL", () => {
  it("are the permission registry's, each naming the registry list it copies", () => {
    expect(roleListDisagreements(foundIn(policyRows, functions), registryRoleLists())).toEqual([]);
  });

  it("would catch a list that drifts, a new one, and a stale one (the check can fail)", () => {
    const found = foundIn(policyRows, functions);
    const already = roleListDisagreements(found, registryRoleLists());
    const doctored = new Map(found);
    doctored.set(
      "policy persons.persons_own_organisation USING",
      literalsIn("'{OUTREACH_WORKER,NURSE,COORDINATOR,ORG_ADMIN}'"),
    );
    doctored.set(
      "policy venues.venues_opened_to_nurses USING",
      literalsIn("app.has_any_role('{NURSE}'::text[])"),
    );
    doctored.delete("function app.sees_team_records()");
    expect(roleListDisagreements(doctored, registryRoleLists()).filter((p) => !already.includes(p))).toEqual([
      "policy persons.persons_own_organisation USING: SQL has {COORDINATOR,NURSE,ORG_ADMIN,OUTREACH_WORKER}, the registry (ownOrganisationReaders.PERSON_PROFILE) {COORDINATOR,NURSE,OUTREACH_WORKER}",
      "policy venues.venues_opened_to_nurses USING: {NURSE}  — name the registry list it copies",
      "function app.sees_team_records(): no longer in SQL — remove it from registryRoleLists",
    ]);
  });

  it("reads role names out of SQL text, and nothing else", () => {
    expect(
      literalsIn("app.has_any_role('{OUTREACH_WORKER,COORDINATOR}'::text[]) AND status <> 'COMPLETED'"),
    ).toEqual({
      roles: [["COORDINATOR", "OUTREACH_WORKER"]],
      sharedKinds: [],
    });
    expect(literalsIn("('ORG_ADMIN' = ANY (roles)) AND app.shared_person_ids('PROFILE')")).toEqual({
      roles: [["ORG_ADMIN"]],
      sharedKinds: ["PROFILE"],
    });
  });
});
