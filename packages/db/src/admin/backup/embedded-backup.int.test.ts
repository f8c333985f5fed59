// `pnpm backup` / `pnpm restore` without DATABASE_URL: the embedded database's folder (as
// `pnpm start` keeps it under .data/pglite) backed up while closed, restored into a new folder
// and checked table by table; device secrets stay out; a folder in use or already full is refused.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../embedded.ts";
import {
  adminPool,
  closeAdminPools,
  createEncounter,
  createOrganisation,
  createPerson,
  createUser,
} from "../../factories.ts";
import { prepareDatabase } from "../index.ts";
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from "./embedded-backup.ts";
import { compareFingerprints, tableFingerprints } from "./table-fingerprints.ts";

const folder = mkdtempSync(join(tmpdir(), "maillage-embedded-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("backup of the embedded database", () => {
  it("restores what it held into a new folder, without the device secrets", {
    timeout: 180_000,
  }, async () => {
    const dataDir = join(folder, "pglite");
    const embedded = await startEmbeddedPostgres({ dataDir, maxConnections: 5 });
    try {
      await prepareDatabase(embedded.connectionString, { seedIfEmpty: false });
      const pool = adminPool(embedded.connectionString);
      const organisation = await createOrganisation(pool);
      const user = await createUser(pool, {
        memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
      });
      for (let index = 0; index < 3; index += 1) {
        const person = await createPerson(pool, { organisationId: organisation.id });
        await createEncounter(pool, {
          organisationId: organisation.id,
          authorId: user.id,
          personId: person.id,
        });
      }
      await pool.query(
        "INSERT INTO device_vaults (user_id, device_id, secret, expires_at) VALUES ($1, gen_random_uuid(), '\\x01', now() + interval '1 day')",
        [user.id],
      );
      await closeAdminPools();
      const archive = join(folder, "embedded.tar");
      // Open (as while pnpm start runs): refused.
      await expect(backupEmbeddedDatabase(dataDir, archive)).rejects.toThrow(/stop pnpm start/);
      await embedded.stop();

      const backup = await backupEmbeddedDatabase(dataDir, archive);
      expect(statSync(archive).mode & 0o777).toBe(0o600);
      expect(backup.rows).toBeGreaterThan(0);

      const restoredDir = join(folder, "restored");
      const restored = await restoreEmbeddedDatabase(archive, restoredDir);
      expect(restored.differences).toEqual([]);
      expect(restored.tablesCompared).toBe(backup.tables);

      const original = await PGlite.create({ dataDir });
      const copy = await PGlite.create({ dataDir: restoredDir });
      try {
        const counts = async (db: PGlite) =>
          (
            await db.query<{ persons: number; encounters: number; vaults: number }>(
              `SELECT (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM encounters) AS encounters,
                      (SELECT count(*)::int FROM device_vaults) AS vaults`,
            )
          ).rows[0];
        expect(await counts(original)).toEqual({ persons: 3, encounters: 3, vaults: 1 });
        expect(await counts(copy)).toEqual({ persons: 3, encounters: 3, vaults: 0 });
        // The check can fail: one changed row is a difference, same count or not.
        const expected = await tableFingerprints(async (sql) => (await copy.query(sql)).rows as never[]);
        await copy.query(
          "UPDATE persons SET alias = alias || '.' WHERE id = (SELECT min(id::text)::uuid FROM persons)",
        );
        const changed = await tableFingerprints(async (sql) => (await copy.query(sql)).rows as never[]);
        expect(compareFingerprints(expected, [], changed).differences).toEqual([
          "public.persons: same 3 rows counted, different content",
        ]);
      } finally {
        await original.close();
        await copy.close();
      }

      // A folder that already holds a database is not overwritten; --clean moves it aside.
      await expect(restoreEmbeddedDatabase(archive, restoredDir)).rejects.toThrow(/already holds a database/);
      const again = await restoreEmbeddedDatabase(archive, restoredDir, { clean: true });
      expect(again.differences).toEqual([]);
      expect(again.movedAside).toMatch(/restored\.before-restore-/);
      // A damaged archive is refused before anything is restored.
      writeFileSync(archive, "not a backup");
      await expect(restoreEmbeddedDatabase(archive, join(folder, "never"))).rejects.toThrow();
    } finally {
      await closeAdminPools();
    }
  });
});
