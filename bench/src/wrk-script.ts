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
import pg from "pg";
import { benchViewer } from "./dataset.ts";
import { signInAs } from "./sign-in.ts";

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
let session: { cookie: string; csrf: string };
try {
  session = await signInAs(admin, values.port, email);
} finally {
  await admin.end();
}
const { cookie, csrf } = session;
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
