// Writes the next migration from prisma/schema.prisma, without the Prisma CLI (whose migrate
// commands need a native engine binary that would be downloaded; see schema-engine.ts).
//
//   pnpm --filter @maillage/db migration:new <snake_name>
//
// On the PostgreSQL server of DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
// it creates a scratch database, applies the committed migrations with our own runner, asks the
// Wasm schema engine for the SQL that brings it to schema.prisma, writes that SQL to
// prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql when there is any, and drops the
// scratch database. Hand-written SQL (policies, functions, grants in schema `app`) is not
// modelled by Prisma and the engine does not look at it: add such statements by hand to the file.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import pg from "pg";
import { applyMigrations, createDatabase, dropDatabase } from "../src/admin/index.ts";
import { migrationsDirectory } from "../src/admin/migrate.ts";
import { diffDatabaseToSchema, isEmptyDiff } from "../src/admin/schema-engine.ts";

const name = process.argv[2] ?? "";
if (!/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error("Usage: pnpm --filter @maillage/db migration:new <snake_case_name>");
  process.exit(2);
}
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const schemaPath = join(migrationsDirectory, "..", "schema.prisma");
const root = join(migrationsDirectory, "..", "..");

// Prisma's folder naming: UTC timestamp, then the name; folders apply in sorted order.
const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const latest = readdirSync(migrationsDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
if (latest && `${timestamp}_${name}` <= latest) {
  console.error(`${timestamp}_${name} would not sort after the latest migration ${latest}; check the clock.`);
  process.exit(1);
}

const scratch = `maillage_migration_new_${process.pid}`;
const scratchUrl = await createDatabase(serverUrl, scratch);
let script: string;
try {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    // PGlite ignores database names: refuse to migrate whatever database we would land on.
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
    if (rows[0]?.db !== scratch) throw new Error(`The server did not give a separate database ${scratch}`);
    const applied = await applyMigrations(client);
    console.log(`Scratch database ${scratch}: applied ${applied.length} committed migrations.`);
  } finally {
    await client.end();
  }
  const started = performance.now();
  script = await diffDatabaseToSchema(scratchUrl, schemaPath);
  console.log(`Diffed it to ${relative(root, schemaPath)} in ${Math.round(performance.now() - started)} ms.`);
} finally {
  await dropDatabase(serverUrl, scratch);
  console.log(`Dropped ${scratch}.`);
}

if (isEmptyDiff(script)) {
  console.log("The migrations already match schema.prisma: no migration written.");
} else {
  const directory = join(migrationsDirectory, `${timestamp}_${name}`);
  if (existsSync(directory)) throw new Error(`${directory} already exists`);
  mkdirSync(directory);
  writeFileSync(join(directory, "migration.sql"), `${script}\n`);
  const statements = script.split("\n").filter((line) => /;\s*$/.test(line)).length;
  console.log(`Wrote ${relative(root, join(directory, "migration.sql"))} (${statements} statements).`);
  console.log(
    "Review it, add any hand-written SQL (policies, grants), then apply with `pnpm --filter @maillage/db migrate`.",
  );
}
