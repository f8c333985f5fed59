// The committed migrations (applied by the global setup) and prisma/schema.prisma describe the
// same tables: Prisma Client is generated from the schema but the database is built from the
// migrations, so a column added to one and not the other would only fail at run time.
// Checked with Prisma's schema engine (Wasm, see schema-engine.ts) on both the PostgreSQL server
// and the embedded PGlite. Hand-written SQL (policies, functions in schema `app`) is not
// modelled by Prisma and not compared.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import "../testing/provided-context.ts";
import { migrationsDirectory } from "./migrate.ts";
import { diffDatabaseToSchema, isEmptyDiff } from "./schema-engine.ts";

const schemaPath = join(migrationsDirectory, "..", "schema.prisma");
const scratch = mkdtempSync(join(tmpdir(), "maillage-schema-drift-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("schema drift", () => {
  it("the migrated database matches schema.prisma", async () => {
    const script = await diffDatabaseToSchema(inject("databaseUrl"), schemaPath);
    expect(isEmptyDiff(script), `schema.prisma and prisma/migrations differ; missing SQL:\n${script}`).toBe(
      true,
    );
  });

  it("would catch a column that the migrations lack (the check can fail)", async () => {
    const schema = readFileSync(schemaPath, "utf8");
    const modified = schema.replace(
      /^model Venue \{\n/m,
      (line) => `${line}  driftProbe String? @map("drift_probe") @db.VarChar(40)\n`,
    );
    expect(modified).not.toBe(schema);
    const modifiedPath = join(scratch, "schema.prisma");
    writeFileSync(modifiedPath, modified);

    const script = await diffDatabaseToSchema(inject("databaseUrl"), modifiedPath);
    expect(isEmptyDiff(script)).toBe(false);
    expect(script).toMatch(/ALTER TABLE "venues" ADD COLUMN\s+"drift_probe" VARCHAR\(40\)/);
  });
});
