/**
 * Property-based fuzz of EVERY mutation of the schema (the list is read from the built schema,
 * so a new mutation is fuzzed without a line here), through HTTP to the real server, as a
 * signed-in coordinator and admin of a test organisation. For any input — right or wrong shape,
 * hostile strings, impossible dates, malformed ids, nulls, missing and extra fields — the
 * answer is never a 5xx nor INTERNAL, every error carries a code of the catalogue with the
 * catalogue's message in the language asked for (fr or en), and a refusal writes no row (every
 * table's row count, read from the catalogue, is compared before and after the call).
 *
 * Bounded and reproducible: FUZZ_RUNS runs per mutation and shape (default 12), seeded from FUZZ_SEED and
 * the mutation's name. FUZZ_FINDINGS_FILE, when set, receives each failure's shrunk input.
 */
import { appendFileSync } from "node:fs";
import { createDatabase, dropDatabase, prepareDatabase } from "@maillage/db/admin";
import { createUser, type TestUser } from "@maillage/db/factories";
import type { Locale } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import fc from "fast-check";
import {
  type GraphQLField,
  type GraphQLOutputType,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isUnionType,
} from "graphql";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { schema } from "../schema.ts";
import { TestClient } from "../testing/graphql-client.ts";
import { createPartnershipWorld, type PartnershipWorld } from "../testing/partnership-world.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { type Answer, judgeAnswer } from "./answer-properties.ts";
import { type IdPool, variablesArbitrary } from "./input-arbitraries.ts";
import { changedCounts, countRows, type RowCounts, rowCountStatement } from "./row-counts.ts";

const runsPerCase = Number(process.env.FUZZ_RUNS ?? 12);
const baseSeed = Number(process.env.FUZZ_SEED ?? 20_261_202);
const findingsFile = process.env.FUZZ_FINDINGS_FILE;

/**
 * The mutations, in name order, but those whose refusals feed the sign-in throttle last: their
 * failed attempts (kept on rollback on purpose) would otherwise lock the fuzz's own sign-ins out.
 */
const throttled = ["acceptInvitation", "signIn"];
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {}).sort(
  (a, b) =>
    Number(throttled.includes(a.name)) - Number(throttled.includes(b.name)) || a.name.localeCompare(b.name),
);

/**
 * The one table a refusal may add to: a failed sign-in or invitation attempt is written again
 * after the rollback, so the throttle counts it (auth.mutations.ts countFailedAttempt).
 */
const keptOnRollback = "public.sign_in_attempts";

/** `__typename`, and for a result union its errors' code, message and field problems. */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  const parts = ["__typename"];
  if (isUnionType(named)) {
    const members = named.getTypes();
    const appError = schema.getType("AppError");
    if (members.some((member) => member.getInterfaces().some((i) => i === appError))) {
      parts.push("... on AppError { code message }");
    }
    if (members.some((member) => member.name === "InputValidationError")) {
      parts.push("... on InputValidationError { fields { path code message limit } }");
    }
  } else if ((isObjectType(named) || isInterfaceType(named)) && "code" in named.getFields()) {
    parts.push("code message");
  }
  return `{ ${parts.join(" ")} }`;
}

function operationOf(field: GraphQLField<unknown, unknown>): string {
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const argumentsList = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  return `mutation Fuzz${declarations ? `(${declarations})` : ""} { ${field.name}${
    argumentsList ? `(${argumentsList})` : ""
  } ${selectionOf(field.type)} }`;
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return hash;
}

/** A JSON rendering of an input with long strings abbreviated and invisible characters escaped. */
function describeValue(value: unknown): string {
  return JSON.stringify(value, (_key, leaf) =>
    typeof leaf === "string" && leaf.length > 120
      ? `${leaf.slice(0, 12)}… (${leaf.length} UTF-16 units, repeated ${JSON.stringify(leaf.slice(0, 2))})`
      : leaf,
  ).replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: showing control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A private-use character that `brokenUtf8` turns into bytes that are not UTF-8. */
const brokenMarker = "\ue000";

/** The variables with the first string leaf marked for invalid UTF-8 (none: unchanged). */
function markFirstString(value: unknown): { value: unknown; marked: boolean } {
  if (typeof value === "string") return { value: value + brokenMarker, marked: true };
  if (Array.isArray(value)) {
    const copy = [...value];
    for (const [index, item] of copy.entries()) {
      const result = markFirstString(item);
      if (result.marked) {
        copy[index] = result.value;
        return { value: copy, marked: true };
      }
    }
    return { value, marked: false };
  }
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(copy)) {
      const result = markFirstString(copy[key]);
      if (result.marked) {
        copy[key] = result.value;
        return { value: copy, marked: true };
      }
    }
  }
  return { value, marked: false };
}

class FuzzFailure extends Error {}

describe("every mutation under hostile input (property-based, fast-check)", () => {
  let server: TestServer;
  let world: PartnershipWorld;
  let pool: pg.Pool;
  let countStatement: string;
  let ownDatabase: { adminUrl: string; name: string } | null = null;
  const startedAt = new Date();
  const idPool: IdPool = { ids: [] };
  let fuzzUser: TestUser;
  let client: TestClient;
  let sessionSuspect = false;
  let inputs = 0;
  const failing: string[] = [];
  const started = Date.now();

  beforeAll(async () => {
    // On the PostgreSQL server, a database of its own: other files write to the shared one
    // while this one compares row counts. The embedded one runs its files one at a time.
    let databaseUrl = inject("databaseUrl");
    if (inject("databaseKind") === "server") {
      const name = `maillage_fuzz_${process.pid}`;
      databaseUrl = await createDatabase(databaseUrl, name);
      ownDatabase = { adminUrl: inject("databaseUrl"), name };
      await prepareDatabase(databaseUrl, { seedIfEmpty: false });
    }
    server = await startTestServer({ databaseUrl });
    world = await createPartnershipWorld(server.url, databaseUrl);
    pool = world.pool;
    countStatement = await rowCountStatement(pool);
  }, 120_000);

  afterAll(async () => {
    console.log(
      `mutation fuzz: ${inputs} inputs fuzzed over ${mutationFields.length} mutations (${runsPerCase} runs per shape, seed ${baseSeed}), ${failing.length} failing${failing.length ? ` (${failing.join(", ")})` : ""}, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    if (!ownDatabase && pool) {
      // The shared embedded database: the fuzz's failed sign-ins must not throttle later files.
      await pool.query("DELETE FROM sign_in_attempts WHERE at >= $1", [startedAt]);
    }
    await server?.stop();
    if (ownDatabase) {
      await pool?.end();
      await dropDatabase(ownDatabase.adminUrl, ownDatabase.name);
    }
  }, 60_000);

  /** A fresh coordinator and admin of the owner organisation, signed in. */
  async function signInFreshUser(): Promise<void> {
    fuzzUser = await createUser(pool, {
      memberships: [{ organisationId: world.owner.id, roles: ["COORDINATOR", "ORG_ADMIN"] }],
    });
    client = await TestClient.signedIn(server.url, fuzzUser);
    sessionSuspect = false;
  }

  /** Signs in again when a call may have ended the session (sign-out, end of sessions…). */
  async function keepSignedIn(): Promise<void> {
    if (!sessionSuspect) return;
    const me = await client.request<{ me: { csrfToken: string } | null }>("{ me { csrfToken } }");
    if (me.data?.me?.csrfToken) {
      client.csrfToken = me.data.me.csrfToken;
      sessionSuspect = false;
      return;
    }
    try {
      client = await TestClient.signedIn(server.url, fuzzUser);
      sessionSuspect = false;
    } catch {
      await signInFreshUser(); // deactivated, or its roles taken away
    }
  }

  /** Real ids of every node type whose table is found by name, from every organisation. */
  async function refreshIds(): Promise<void> {
    const { rows: tables } = await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
    );
    const ids = new Set<string>([world.person.globalId, world.owner.globalId, world.partner.globalId]);
    for (const { table_name } of tables) {
      const singular = table_name.replace(/ies$/, "y").replace(/sses$/, "ss").replace(/s$/, "");
      const typename = singular.replace(/(^|_)(\w)/g, (_m, _s, letter: string) => letter.toUpperCase());
      if (!isObjectType(schema.getType(typename))) continue;
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id::text FROM "${table_name}" ORDER BY random() LIMIT 4`,
      );
      for (const row of rows) ids.add(encodeGlobalID(typename, row.id));
    }
    idPool.ids = [...ids];
  }

  async function send(
    query: string,
    variables: Record<string, unknown>,
    locale: Locale,
    brokenUtf8: boolean,
  ): Promise<Answer> {
    let payload = Buffer.from(JSON.stringify({ query, variables }), "utf8");
    if (brokenUtf8) {
      // The marker's UTF-8 bytes (EE 80 80) become FF FE 80: never valid UTF-8.
      const marker = Buffer.from(brokenMarker, "utf8");
      const at = payload.indexOf(marker);
      if (at >= 0)
        payload = Buffer.concat([
          payload.subarray(0, at),
          Buffer.from([0xff, 0xfe, 0x80]),
          payload.subarray(at + marker.length),
        ]);
    }
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": locale === "fr" ? "fr-CA,fr;q=0.9" : "en-CA,en;q=0.9",
        ...(client.cookie ? { cookie: client.cookie } : {}),
        ...(client.csrfToken ? { "x-csrf-token": client.csrfToken } : {}),
      },
      body: payload,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      if (pair.startsWith("maillage_session=")) client.cookie = pair.endsWith("=") ? null : pair;
    }
    const text = await response.text();
    let body: Answer["body"] = null;
    try {
      body = JSON.parse(text) as Answer["body"];
    } catch {
      body = null;
    }
    return { status: response.status, body, text };
  }

  // Well-shaped inputs reach the resolvers' own checks; mis-shaped ones GraphQL's coercion.
  const cases = mutationFields.flatMap((field) =>
    (field.args.length > 0 ? ["well-shaped", "mis-shaped"] : ["well-shaped"]).map(
      (shape) => [field.name, shape, field] as const,
    ),
  );

  it.each(cases)(
    "%s, %s input: no 5xx, no INTERNAL, a catalogue code and message in the caller's language, nothing written when refused",
    async (name, shape, field) => {
      await refreshIds();
      await signInFreshUser();
      const query = operationOf(field);
      const property = fc.asyncProperty(
        variablesArbitrary(field.args, idPool, shape === "well-shaped"),
        fc.constantFrom<Locale>("fr", "en"),
        fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        async (rawVariables, locale, breakUtf8) => {
          await keepSignedIn();
          const marked = breakUtf8 ? markFirstString(rawVariables) : { value: rawVariables, marked: false };
          const variables = marked.value as Record<string, unknown>;
          const before: RowCounts = await countRows(pool, countStatement);
          const answer = await send(query, variables, locale, marked.marked);
          inputs += 1;
          const { problems, refusal } = judgeAnswer(answer, name, locale);
          if (refusal) {
            const after = await countRows(pool, countStatement);
            const kept = (after.get(keptOnRollback) ?? 0) - (before.get(keptOnRollback) ?? 0);
            const changes = changedCounts(before, after).filter(
              (change) => !(change.startsWith(`${keptOnRollback}:`) && kept === 1),
            );
            if (changes.length > 0) problems.push(`refused, yet rows changed: ${changes.join(", ")}`);
          }
          const codes = JSON.stringify(answer.body ?? {});
          if (!refusal || /UNAUTHENTICATED|CSRF/.test(codes)) sessionSuspect = true;
          if (problems.length > 0) {
            throw new FuzzFailure(
              [
                `input (${locale}${marked.marked ? ", a string's bytes made invalid UTF-8" : ""}): ${describeValue(variables)}`,
                `answer: HTTP ${answer.status} ${answer.text.slice(0, 600)}`,
                ...problems.map((problem) => `- ${problem}`),
              ].join("\n"),
            );
          }
        },
      );
      const result = await fc.check(property, {
        numRuns: runsPerCase,
        seed: baseSeed ^ hashOf(`${name} ${shape}`),
        // Shrinking re-sends inputs: bounded, the shrunk-so-far counterexample is reported.
        interruptAfterTimeLimit: 60_000,
        markInterruptAsFailure: false,
      });
      if (result.failed) {
        failing.push(`${name} (${shape})`);
        const error = result.errorInstance;
        const detail = error instanceof FuzzFailure ? error.message : String(error);
        if (findingsFile) {
          appendFileSync(
            findingsFile,
            `\n### ${name}, ${shape} input (seed ${result.seed}, path ${result.counterexamplePath}, ${result.numShrinks} shrinks)\n\`\`\`\n${detail}\n\`\`\`\n`,
          );
        }
        expect.fail(
          `${name} broke the fuzz properties after ${result.numRuns} runs (seed ${result.seed}, path ${result.counterexamplePath}):\n${detail}`,
        );
      }
    },
    240_000,
  );
});
