/**
 * `pnpm bench [--quick]`: the API side by side with hand-written SQL (the floor), same database,
 * same RLS, same viewer, measured with wrk in interleaved rounds. Needs DATABASE_URL (a server
 * where it may create the database `maillage_bench`) and Debian's `wrk`.
 * PostGraphile (the peer) is not measured yet: see bench/README.md.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repositoryRoot } from "@maillage/db";
import { createDatabase, prepareDatabase } from "@maillage/db/admin";
import pg from "pg";
import { benchPassword, benchViewer, fullScale, generateDataset, quickScale } from "./dataset.ts";

const quick = process.argv.includes("--quick");
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl)
  throw new Error("Set DATABASE_URL to a PostgreSQL server (the bench creates its own database).");
const root = repositoryRoot();
const scale = quick ? quickScale : fullScale;
const timing = quick ? { rounds: 1, warmup: 2, duration: 5 } : { rounds: 3, warmup: 5, duration: 15 };
const ports = { maillage: 4610, floor: 4620 };

type Target = "maillage" | "floor";
type Operation = "a" | "b" | "c" | "d" | "e";
const operationNames: Record<Operation, string> = {
  a: "(a) caseload: 50 persons × 10 encounters",
  b: "(b) a person's file",
  c: "(c) referral inbox page",
  d: "(d) create an encounter",
  e: "(e) dashboard indicators, fiscal year",
};

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(url: string, body: string) {
  for (let i = 0; i < 100; i += 1) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      if (response.status < 500) return;
    } catch {}
    await wait(200);
  }
  throw new Error(`${url} did not start`);
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // The server under test on core 0, wrk on core 1, PostgreSQL unpinned.
  return spawn("taskset", ["-c", "0", command, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

function cpuTicks(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return total;
}

function postgresPids(): number[] {
  return execFileSync("pgrep", ["-x", "postgres"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number)
    .filter(Boolean);
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function toMs(value: string): number {
  const found = /([\d.]+)(us|ms|s)/.exec(value);
  if (!found) return Number.NaN;
  const n = Number(found[1]);
  return found[2] === "us" ? n / 1000 : found[2] === "s" ? n * 1000 : n;
}

interface Request {
  url: string;
  body: string;
  headers: Record<string, string>;
}

function wrk(request: Request, connections: number, seconds: number) {
  const script = join(tmpdir(), `maillage-bench-${process.pid}.lua`);
  const headers = Object.entries(request.headers).map(
    ([k, v]) => `wrk.headers["${k}"] = ${JSON.stringify(v)}`,
  );
  writeFileSync(
    script,
    [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(request.body)}`, ...headers].join("\n"),
  );
  const output = execFileSync(
    "taskset",
    [
      "-c",
      "1",
      "wrk",
      "-t",
      "1",
      "-c",
      String(connections),
      "-d",
      `${seconds}s`,
      "--latency",
      "-s",
      script,
      request.url,
    ],
    {
      encoding: "utf8",
    },
  );
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1];
  return {
    requests,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: toMs(/50%\s+(\S+)/.exec(output)?.[1] ?? ""),
    p99: toMs(/99%\s+(\S+)/.exec(output)?.[1] ?? ""),
    errors: Number(errors ?? 0),
  };
}

const logFile = `/var/log/postgresql/postgresql-${existsSync("/etc/postgresql") ? execFileSync("ls", ["/etc/postgresql"], { encoding: "utf8" }).trim().split("\n")[0] : "15"}-main.log`;

/** SQL statements per request, from the server log while log_statement = all for the bench database. */
async function statementsPerRequest(request: Request, count = 20): Promise<number | null> {
  if (!existsSync(logFile)) return null;
  const before = statSync(logFile).size;
  for (let i = 0; i < count; i += 1)
    await fetch(request.url, { method: "POST", headers: request.headers, body: request.body });
  await wait(300);
  const appended = readFileSync(logFile).subarray(before).toString("utf8");
  const statements = appended.split("\n").filter((line) => /LOG:\s+(statement|execute)/.test(line)).length;
  return Math.round((statements / count) * 10) / 10;
}

async function main() {
  const report: string[] = [];
  const say = (line: string) => {
    console.log(line);
    report.push(line);
  };
  const databaseUrl = await createDatabase(adminUrl!, "maillage_bench");
  await prepareDatabase(databaseUrl, { seedIfEmpty: false });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const dataset = await generateDataset(admin, scale);
  say(`# Maillage benchmark — ${quick ? "quick" : "full"} run, ${new Date().toISOString()}`);
  say("");
  say(
    `Dataset: ${scale.organisations} organisations, ${scale.persons} persons, ${scale.encounters} encounters, ${scale.referrals} referrals, ${scale.nurseVisits} nurse visits; generated in ${dataset.seconds.toFixed(1)} s.`,
  );

  execFileSync(process.execPath, ["build.mjs"], { cwd: join(root, "apps", "api"), stdio: "inherit" });
  const startServers = async (): Promise<Record<Target, ChildProcess>> => {
    const started = {
      maillage: start(process.execPath, [join(root, "apps/api/dist/main.mjs")], {
        DATABASE_URL: databaseUrl,
        MAILLAGE_SEED: "none",
        PORT: String(ports.maillage),
        NODE_ENV: "production",
        DATABASE_POOL_SIZE: "10",
      }),
      floor: start(process.execPath, ["--import", "tsx", join(root, "bench/src/floor.ts")], {
        DATABASE_URL: databaseUrl,
        PORT: String(ports.floor),
      }),
    };
    await waitFor(`http://127.0.0.1:${ports.maillage}/graphql`, "{}");
    await waitFor(`http://127.0.0.1:${ports.floor}/caseload`, "{}");
    return started;
  };
  const stopServers = async (running: Record<Target, ChildProcess>) => {
    for (const server of Object.values(running)) server.kill("SIGTERM");
    await wait(1500);
  };
  // Statement logging applies to new connections: on for the first servers (checks and
  // statement counts), off for the timed ones.
  await admin.query("ALTER DATABASE maillage_bench SET log_statement = 'all'");
  let servers = await startServers();
  try {
    // The viewer signs in through the API; the floor accepts the same session.
    const signIn = await fetch(`http://127.0.0.1:${ports.maillage}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "mutation ($i: SignInInput!) { signIn(input: $i) { ... on SignInSuccess { me { csrfToken } } } }",
        variables: { i: { email: benchViewer.email, password: benchPassword } },
      }),
    });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const csrf = ((await signIn.json()) as { data: { signIn: { me: { csrfToken: string } } } }).data.signIn.me
      .csrfToken;
    const personId = (await admin.query<{ id: string }>("SELECT md5('person' || 0)::uuid AS id")).rows[0]!.id;
    const personGlobalId = Buffer.from(`Person:${personId}`).toString("base64");
    const year = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
    const fiscal = {
      from: new Date(Date.UTC(year, 3, 1, 4)).toISOString(),
      to: new Date(Date.UTC(year + 1, 3, 1, 4)).toISOString(),
    };
    const gql = (query: string, variables: Record<string, unknown> = {}): Request => ({
      url: `http://127.0.0.1:${ports.maillage}/graphql`,
      body: JSON.stringify({ query, variables }),
      headers: { "Content-Type": "application/json", Cookie: cookie, "x-csrf-token": csrf },
    });
    const floor = (op: string, body: Record<string, unknown> = {}): Request => ({
      url: `http://127.0.0.1:${ports.floor}/${op}`,
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Cookie: cookie },
    });
    const requests: Record<Operation, Record<Target, Request>> = {
      a: {
        maillage: gql(
          `{ persons(first: 50, filter: { ownOnly: true }) { edges { node { id alias birthYear encounters(first: 10) { edges { node { id occurredAt channel placeType themes } } } } } } }`,
        ),
        floor: floor("caseload"),
      },
      b: {
        maillage: gql(
          `query ($id: ID!) { person(id: $id) { id alias encounters(first: 20) { edges { node { id occurredAt } } } accompaniments(first: 20) { edges { node { id plannedAt } } } referrals(first: 20) { edges { node { id status } } } nurseVisits(first: 20) { edges { node { id plannedStart } } } } }`,
          { id: personGlobalId },
        ),
        floor: floor("person", { personId }),
      },
      c: {
        maillage: gql(
          `{ referrals(box: INBOX, first: 50) { edges { node { id status urgency createdAt person { alias } fromOrganisation { name } } } } }`,
        ),
        floor: floor("inbox"),
      },
      d: {
        maillage: gql(
          `mutation { recordEncounter(input: { anonymous: { gender: WOMAN, ageBracket: AGE_18_25, headCount: 1 }, channel: IN_PERSON, placeType: WORKPLACE, themes: [SEXUALITY] }) { __typename } }`,
        ),
        floor: floor("encounter"),
      },
      e: {
        maillage: gql(
          `query ($y: Int!) { organisationDashboard(fiscalYear: $y) { ... on OrganisationDashboardSuccess { dashboard { encounters contacts personsMet byPlace { cells { key count } } byTheme { cells { key count } } } } } }`,
          { y: year },
        ),
        floor: floor("dashboard", fiscal),
      },
    };

    // Same answers before timing (after normalising field names and global ids).
    const ids = (value: unknown): string[] =>
      JSON.stringify(value).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    const decodeIds = (text: string) =>
      text.replace(
        /"id":"([A-Za-z0-9+/=]+)"/g,
        (_, id: string) => `"id":"${Buffer.from(id, "base64").toString().split(":")[1]}"`,
      );
    for (const op of ["a", "b", "c"] as const) {
      const [m, f] = await Promise.all(
        (["maillage", "floor"] as const).map(async (target) => {
          const r = requests[op][target];
          return (await fetch(r.url, { method: "POST", headers: r.headers, body: r.body })).text();
        }),
      );
      const same = JSON.stringify(ids(decodeIds(m!))) === JSON.stringify(ids(f));
      say(
        `Check ${operationNames[op]}: ${same ? `same ${ids(f).length} ids in the same order` : "DIFFERENT"}`,
      );
      if (!same) throw new Error(`Answers differ for ${op}`);
    }

    const statements: Record<string, number | null> = {};
    for (const op of Object.keys(requests) as Operation[]) {
      for (const target of ["maillage", "floor"] as const)
        statements[`${op}:${target}`] = await statementsPerRequest(requests[op][target]);
    }
    await admin.query("ALTER DATABASE maillage_bench RESET log_statement");
    await stopServers(servers);
    servers = await startServers();

    type Figures = {
      rps: number;
      p50: number;
      p99: number;
      p50Unloaded: number;
      p99Unloaded: number;
      serverCpu: number;
      pgCpu: number;
      errors: number;
    };
    const rounds: Record<string, Figures[]> = {};
    for (let round = 0; round < timing.rounds; round += 1) {
      for (const op of Object.keys(requests) as Operation[]) {
        for (const target of ["maillage", "floor"] as const) {
          const request = requests[op][target];
          wrk(request, 10, timing.warmup);
          const pid = servers[target].pid!;
          const pgPids = postgresPids();
          const before = { server: cpuTicks([pid]), pg: cpuTicks(pgPids) };
          const loaded = wrk(request, 10, timing.duration);
          const after = { server: cpuTicks([pid]), pg: cpuTicks(postgresPids()) };
          const unloaded = wrk(request, 1, Math.max(2, Math.round(timing.duration / 3)));
          const key = `${op}:${target}`;
          rounds[key] ??= [];
          rounds[key].push({
            rps: loaded.rps,
            p50: loaded.p50,
            p99: loaded.p99,
            p50Unloaded: unloaded.p50,
            p99Unloaded: unloaded.p99,
            serverCpu: ((after.server - before.server) * 10) / Math.max(1, loaded.requests),
            pgCpu: ((after.pg - before.pg) * 10) / Math.max(1, loaded.requests),
            errors: loaded.errors + unloaded.errors,
          });
        }
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
    say("");
    say(
      `Medians of ${timing.rounds} round(s), ${timing.duration} s measured at 10 connections after ${timing.warmup} s of warm-up; server and wrk pinned to different cores.`,
    );
    say("");
    say(
      "| operation | target | req/s | ratio to floor | p50 ms | p99 ms | p99 ratio | p50 / p99 unloaded ms | server CPU ms/req | PostgreSQL CPU ms/req | SQL statements/req | errors |",
    );
    say("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const op of Object.keys(requests) as Operation[]) {
      const m = (key: keyof Figures, target: Target) => median(rounds[`${op}:${target}`]!.map((f) => f[key]));
      for (const target of ["maillage", "floor"] as const) {
        const ratio = target === "maillage" ? fmt(m("rps", "maillage") / m("rps", "floor"), 2) : "1.00";
        const p99Ratio = target === "maillage" ? fmt(m("p99", "maillage") / m("p99", "floor"), 2) : "1.00";
        say(
          `| ${operationNames[op]} | ${target} | ${fmt(m("rps", target), 0)} | ${ratio} | ${fmt(m("p50", target), 2)} | ${fmt(m("p99", target), 2)} | ${p99Ratio} | ${fmt(m("p50Unloaded", target), 2)} / ${fmt(m("p99Unloaded", target), 2)} | ${fmt(m("serverCpu", target), 2)} | ${fmt(m("pgCpu", target), 2)} | ${statements[`${op}:${target}`] ?? "n/a"} | ${m("errors", target)} |`,
        );
      }
    }
    say("");
    say(
      `API peak RSS: ${fmt(peakRss(servers.maillage.pid!), 0)} MB. PostGraphile (peer): not measured in this version.`,
    );
    mkdirSync(join(root, "bench", "results"), { recursive: true });
    const file = join(
      root,
      "bench",
      "results",
      `${new Date().toISOString().replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.md`,
    );
    writeFileSync(file, `${report.join("\n")}\n`);
    console.log(`\nWritten to ${file}`);
  } finally {
    await stopServers(servers);
    await admin.end();
  }
}

await main();
