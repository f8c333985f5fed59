// The restore drill: the demo data backed up by the code of `pnpm backup`, restored by the code
// of `pnpm restore` on a NEW PostgreSQL server (initdb in a temporary folder: the app's roles do
// not exist there, as on a replacement machine), compared table by table with the original, and
// then used through the API: a demo worker signs in and reads her caseload.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  backupServerDatabase,
  createDatabase,
  demoPassword,
  dropDatabase,
  fingerprintSettings,
  openArchive,
  prepareDatabase,
  restoreServerDatabase,
} from "@maillage/db/admin";
import "@maillage/db/testing/provided-context";
import { postgresBinaries, startThrowawayCluster } from "@maillage/db/testing/throwaway-cluster";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { TestClient } from "./testing/graphql-client.ts";
import { startTestServer } from "./testing/test-server.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
});

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  for (const setting of fingerprintSettings) await client.query(setting);
  return client;
}

/**
 * Each table's count and the md5 of its rows in byte order (independent of the manifest's own
 * hash), then the access model's catalogue: policies, grants, the app schema's functions.
 */
async function contents(client: pg.Client): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  for (const { name } of tables) {
    const { rows } = await client.query<{ n: string; md5: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(t::text, E'\\n' ORDER BY convert_to(t::text, 'UTF8'))) AS md5 FROM ${name} t`,
    );
    found[name] = `${rows[0]?.n} rows, md5 ${rows[0]?.md5}`;
  }
  const catalogue = {
    policies: `SELECT schemaname, tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies`,
    grants: `SELECT grantee, table_schema, table_name, privilege_type FROM information_schema.role_table_grants
              WHERE grantee LIKE 'maillage%'`,
    routineGrants: `SELECT grantee, routine_schema, routine_name, privilege_type FROM information_schema.role_routine_grants
                     WHERE grantee LIKE 'maillage%'`,
    functions: `SELECT p.oid::regprocedure::text, p.prosecdef, md5(p.prosrc), pg_get_userbyid(p.proowner)
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app'`,
    rowSecurity: `SELECT c.oid::regclass::text, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  };
  for (const [what, sql] of Object.entries(catalogue)) {
    const { rows } = await client.query<{ n: string; md5: string }>(
      `SELECT count(*)::text AS n, md5(string_agg(x::text, E'\\n' ORDER BY convert_to(x::text, 'UTF8'))) AS md5 FROM (${sql}) x`,
    );
    found[`catalogue: ${what}`] = `${rows[0]?.n} rows, md5 ${rows[0]?.md5}`;
  }
  return found;
}

const appRoles = (client: pg.Client) =>
  client
    .query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE rolname LIKE 'maillage%' ORDER BY 1")
    .then((result) => result.rows.map((row) => row.rolname));

const caseload = `query { persons(first: 10) { edges { node { alias } } } }`;

async function caseloadOf(databaseUrl: string, email: string): Promise<string[]> {
  const server = await startTestServer({ databaseUrl });
  try {
    const client = await TestClient.signedIn(server.url, { email, password: demoPassword });
    const answer = await client.request<{ persons: { edges: { node: { alias: string } }[] } }>(caseload);
    expect(answer.errors).toBeUndefined();
    return answer.data?.persons.edges.map((edge) => edge.node.alias) ?? [];
  } finally {
    await server.stop();
  }
}

describe("restore drill", () => {
  // pg_dump reads a PostgreSQL server: with the embedded database (no DATABASE_URL) there is
  // none; embedded-backup.int.test.ts covers that store.
  const onServer = inject("databaseKind") === "server";

  it.skipIf(!onServer)(
    "restores the demo data on a new server where the app's roles do not exist, and a demo worker signs in",
    { timeout: 300_000 },
    async () => {
      const adminUrl = new URL(inject("databaseUrl"));
      adminUrl.pathname = "/postgres";
      const name = `maillage_drill_${process.pid}`;
      const sourceUrl = await createDatabase(adminUrl.toString(), name);
      cleanups.push(() => dropDatabase(adminUrl.toString(), name));
      await prepareDatabase(sourceUrl, { seedIfEmpty: true });
      const source = await connected(sourceUrl);
      const major =
        Number((await source.query("SHOW server_version_num")).rows[0].server_version_num) / 10_000;
      const binaries = postgresBinaries(Math.floor(major));
      if (!binaries) {
        // A developer's machine without the server's programs: CI has them (Debian's postgresql).
        expect(process.env.CI, `initdb of PostgreSQL ${Math.floor(major)} is needed in CI`).toBeFalsy();
        return;
      }

      const folder = mkdtempSync(join(tmpdir(), "maillage-drill-"));
      cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
      const archive = join(folder, "drill.tar");
      const backup = await backupServerDatabase(sourceUrl, archive);
      expect(statSync(archive).mode & 0o777).toBe(0o600);
      const { folder: unpacked, manifest } = await openArchive(archive);
      rmSync(unpacked, { recursive: true, force: true });
      expect(manifest.excludedData).toEqual(["public.device_vaults", "public.idempotency_keys"]);
      expect(manifest.tables["public.encounters"]?.rows).toBeGreaterThan(8000);

      const cluster = await startThrowawayCluster(binaries);
      cleanups.push(() => cluster.stop());
      const targetUrl = await createDatabase(cluster.url("postgres"), "maillage_restored");
      const target = await connected(targetUrl);
      expect(await appRoles(target)).toEqual([]);

      const restored = await restoreServerDatabase(archive, targetUrl);
      expect(restored.differences).toEqual([]);
      expect(restored.rolesCreated.sort()).toEqual(["maillage_app", "maillage_auth"]);
      expect(restored.tablesCompared).toBe(backup.tables);
      expect(restored.rowsCompared).toBe(
        backup.rows -
          manifest.excludedData.reduce((sum, table) => sum + (manifest.tables[table]?.rows ?? 0), 0),
      );
      console.log(
        `restore drill: backup ${(backup.bytes / 1_048_576).toFixed(1)} MB in ${backup.milliseconds} ms, restored on a new server in ${restored.milliseconds} ms; ${restored.tablesCompared} tables, ${restored.rowsCompared} rows compared; roles created ${restored.rolesCreated.join(", ")}`,
      );

      // Counted again without the manifest's code: every table, row for row, and the access model.
      const before = await contents(source);
      for (const table of manifest.excludedData) {
        expect(before[table]).toMatch(/^\d+ rows/);
        before[table] = "0 rows, md5 null";
      }
      expect(await contents(target)).toEqual(before);

      // A second restore over it is refused: nothing is overwritten by mistake.
      await expect(restoreServerDatabase(archive, targetUrl)).rejects.toThrow(/not empty/);

      // The API on the restored database: sign-in (the sign-in role, its grants and functions),
      // then a read under row-level security as the app role — the same caseload as on the original.
      const email = "marie.rue@ancrage.demo";
      const read = await caseloadOf(targetUrl, email);
      expect(read.length).toBeGreaterThan(0);
      expect(read).toEqual(await caseloadOf(sourceUrl, email));
    },
  );
});
