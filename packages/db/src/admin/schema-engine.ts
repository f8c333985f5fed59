/**
 * Prisma's schema engine, run as WebAssembly, so that schema diffs work without the Prisma CLI.
 *
 * Why: every Prisma CLI command first looks for the native schema-engine binary and downloads
 * it when missing, which fails on a machine without internet (CI here, hospital networks); with
 * a dummy binary, `migrate` silently does nothing. `@prisma/schema-engine-wasm` is the same
 * engine compiled to Wasm; it reaches PostgreSQL through a driver adapter (@prisma/adapter-pg),
 * so nothing is downloaded. Used by `scripts/new-migration.ts` and the schema-drift test.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
} from "@prisma/driver-adapter-utils";
import type * as Engine from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

/** What the engine prints when there is nothing to do. */
export const EMPTY_MIGRATION = "-- This is an empty migration.";

type Instantiate = (
  bytes: Uint8Array,
  imports: object,
) => Promise<{ instance: { exports: Record<string, unknown> } }>;
/** Node's global `WebAssembly`, which the TS libs used here (ES2023, no DOM) do not declare. */
const wasm = (globalThis as unknown as { WebAssembly: { instantiate: Instantiate } }).WebAssembly;

let engineModule: Promise<typeof Engine> | undefined;

/**
 * Instantiates the Wasm module once per process. The package's own entry point imports the
 * `.wasm` file as an ES module (Wasm-ESM integration, which Node 20 lacks), so we instantiate
 * it ourselves and hand its exports to the package's JS glue.
 */
function loadEngine(): Promise<typeof Engine> {
  engineModule ??= (async () => {
    // The glue reports a Rust panic's message here just before the Wasm traps ("unreachable").
    const global = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    global.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(message) };
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue: typeof Engine = await import(pathToFileURL(gluePath).href);
    const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
    const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return engineModule;
}

/**
 * The engine reads catalog columns of PostgreSQL's one-byte `"char"` type (pg_constraint.contype:
 * CHECK constraints, and NOT NULL ones on PostgreSQL 18/PGlite) and wants characters; adapter-pg
 * 7.10 rejects the type ("Column type 'char' could not be deserialized"). pg returns the values
 * as strings, so the pool relabels those columns `text` for the adapter and notes them by rows
 * array (which the adapter passes through); the adapter wrapper then declares them characters.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = new WeakMap<unknown[], number[]>();

/**
 * A pool for the engine; the adapter sends every query through `pool.query(config)` (a pooled
 * client only for transactions, which a diff does not open). The URL is split into fields: a
 * `connectionString` would win over any other database name derived from the pool's options.
 */
function poolFor(databaseUrl: string): pg.Pool {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get("sslmode");
  const pool = new pg.Pool({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    // libpq's meaning: `require` encrypts without checking the certificate, `verify-*` check it.
    ssl: sslmode === "require" ? { rejectUnauthorized: false } : sslmode?.startsWith("verify-") || undefined,
    max: 2,
  });
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const set of [result].flat()) {
      const chars = (set.fields ?? []).flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
      for (const field of set.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      if (chars.length > 0) charColumns.set(set.rows, chars);
    }
    return result;
  }) as typeof pool.query;
  return pool;
}

/** PrismaPg over `pool`, with `"char"` columns typed as characters; no shadow database. */
function adapterFactory(pool: pg.Pool) {
  const factory = new PrismaPg(pool);
  const withChars = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    };
    return adapter;
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withChars(await factory.connect()),
    // Diffs between a database and a schema need none; refusing is safer than PrismaPg's
    // (it would drop the shadow database before closing its pool).
    connectToShadowDb: () => Promise.reject(new Error("schema-engine.ts: no shadow database")),
  });
}

/** Driver errors reach us as "External error id#N": put the driver's own error back in. */
function readable(error: unknown, adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const cause = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id))?.error;
  return cause === undefined ? error : new Error(`${message.split("\n")[0]}: ${JSON.stringify(cause)}`);
}

/**
 * Runs one engine `diff` from the live database (or from nothing) to the schema file and returns
 * the SQL script. The engine connects as soon as it is created (it reads the server version),
 * so even a diff from `empty` needs a reachable database. Engine and pool live for one call.
 */
async function diffToSchema(databaseUrl: string, schemaPath: string, fromDatabase: boolean) {
  const glue = await loadEngine();
  const files = [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
  const pool = poolFor(databaseUrl);
  const adapter = adapterFactory(pool);
  try {
    const engine = await glue.SchemaEngine.new(
      { datamodels: files.map((file) => [file.path, file.content]) },
      () => {}, // engine log lines: not needed
      adapter,
    );
    try {
      const result = await engine.diff({
        // `schemaDatasource`: the database behind the adapter (the CLI's --from-config-datasource).
        from: fromDatabase
          ? { tag: "schemaDatasource", files, configDir: dirname(schemaPath) }
          : { tag: "empty" },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      return (result.stdout ?? "").trim();
    } finally {
      engine.free();
    }
  } catch (error) {
    throw readable(error, adapter);
  } finally {
    await pool.end();
  }
}

/**
 * The SQL that would bring the live database at `databaseUrl` to the schema at `schemaPath`;
 * `EMPTY_MIGRATION` when they agree. Only what Prisma models is compared (tables, columns, enums,
 * indexes, foreign keys of schema `public`): policies, functions, grants and the `app` schema
 * are not seen.
 */
export function diffDatabaseToSchema(databaseUrl: string, schemaPath: string): Promise<string> {
  return diffToSchema(databaseUrl, schemaPath, true);
}

/** The SQL that creates the schema from nothing (`databaseUrl` is only connected to). */
export function diffEmptyToSchema(
  schemaPath: string,
  databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
): Promise<string> {
  return diffToSchema(databaseUrl, schemaPath, false);
}

/** True when a diff script has no statement (only comments and blank lines). */
export function isEmptyDiff(script: string): boolean {
  return script.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}
