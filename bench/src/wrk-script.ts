/**
 * A wrk script for profiling the API by hand (README.md, "Profiling the API"): signs in to the
 * API at `--port` (4700 unless told) as a bench user (the viewer of (a)–(d) unless `--as`), and
 * prints a Lua script that posts `query` with that session, as the benchmark's own requests do.
 *
 *   pnpm --filter @maillage/bench exec tsx src/wrk-script.ts '{ me { roles } }' > op.lua
 *   wrk -t1 -c10 -d8s -s op.lua http://127.0.0.1:4700/graphql
 *
 * The bench database must exist (a `pnpm bench` run made it) and the API must run on it.
 */
import { parseArgs } from "node:util";
import { currentCodeOf } from "@maillage/db/factories";
import pg from "pg";
import { benchPassword, benchTotpSecret, benchViewer } from "./dataset.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", default: "4700" }, as: { type: "string", default: benchViewer.email } },
});
const [query] = positionals;
if (!query) {
  console.error("usage: wrk-script.ts [--port 4700] [--as user0@bench.example] '<GraphQL operation>'");
  process.exit(2);
}
const email = values.as;
const admin = new pg.Client({
  connectionString: new URL(
    "maillage_bench",
    process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/",
  ).href,
});
await admin.connect();
// A code per sign-in: the step last accepted is forgotten first (one user may sign in twice).
await admin.query(
  "UPDATE user_second_factors SET last_used_step = NULL WHERE user_id = (SELECT id FROM users WHERE email = $1)",
  [email],
);
await admin.end();
const response = await fetch(`http://127.0.0.1:${values.port}/graphql`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    query: "mutation ($i: SignInInput!) { signIn(input: $i) { ... on SignInSuccess { me { csrfToken } } } }",
    variables: { i: { email, password: benchPassword, code: currentCodeOf(benchTotpSecret) } },
  }),
});
const cookie = response.headers.get("set-cookie")?.split(";")[0];
const body = (await response.json()) as { data?: { signIn?: { me?: { csrfToken: string } } } };
const csrf = body.data?.signIn?.me?.csrfToken;
if (!cookie || !csrf) {
  console.error(`${email} could not sign in: ${JSON.stringify(body)}`);
  process.exit(1);
}
const lua = (text: string) => JSON.stringify(text);
console.log(
  [
    'wrk.method = "POST"',
    `wrk.body = ${lua(JSON.stringify({ query }))}`,
    'wrk.headers["Content-Type"] = "application/json"',
    `wrk.headers["Cookie"] = ${lua(cookie)}`,
    `wrk.headers["x-csrf-token"] = ${lua(csrf)}`,
  ].join("\n"),
);
