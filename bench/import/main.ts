/**
 * `pnpm --filter @maillage/bench run import` (DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres;
 * `run` is needed: `pnpm import` is a command of pnpm itself):
 * the import of one programme's past fiscal year through the real HTTP API (issue 16: "635
 * persons and 2,000 encounters … under 30 s on this machine"), measured, not a test.
 *
 * 1. A fresh database `maillage_bench_import` (migrations only), one organisation whose history
 *    starts on 2015-04-01, and its coordinator.
 * 2. The API started from its sources (`tsx apps/api/src/main.ts`, NODE_ENV=production), the
 *    coordinator signed in through it like a browser (session cookie, CSRF token).
 * 3. Two generated files of fiscal year 2018 (April 2018 – March 2019): 635 persons as a French
 *    CSV, then 2,000 tally-sheet encounters as an XLSX (70 % with a person by her reference,
 *    the rest anonymous with gender, age bracket and head count; themes; materials as
 *    `CONDOMS:12; LUBRICANT:3` and a per-item column). Values derived from the row number
 *    (deterministic).
 * 4. For each file: upload (POST /imports/files), importPreview, dryRunImport, commitImport —
 *    each step timed — then the same files again (0 added), and the rows counted in SQL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { repositoryRoot } from "@maillage/db";
import { createDatabase, prepareDatabase } from "@maillage/db/admin";
import { adminPool, createOrganisation, createUser } from "@maillage/db/factories";
import ExcelJS from "exceljs";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl)
  throw new Error("Set DATABASE_URL to a PostgreSQL server (the bench creates its own database).");
const root = repositoryRoot();
const port = Number(process.env.BENCH_IMPORT_PORT ?? 4640);
const base = `http://127.0.0.1:${port}`;
const personCount = 635;
const encounterCount = 2_000;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A deterministic number in [0, n) for row `i` and a salt. */
function pick(i: number, salt: number, n: number): number {
  let h = (i + 1) * 2_654_435_761 + salt * 40_503;
  h = (h ^ (h >>> 13)) * 1_274_126_177;
  return Math.abs(h ^ (h >>> 16)) % n;
}

function personsCsv(): string {
  const genders = ["Femme", "Femme trans", "Homme", "Non binaire", "Non précisé"];
  const lines = ["Référence;Pseudonyme;Année de naissance;Genre;Langues;Texto permis;Suivi régulier"];
  for (let i = 0; i < personCount; i += 1) {
    lines.push(
      [
        `P-${String(i + 1).padStart(4, "0")}`,
        `Personne ${i + 1}`,
        1960 + pick(i, 1, 45),
        genders[pick(i, 2, genders.length)],
        pick(i, 3, 4) === 0 ? '"fr; en"' : "fr",
        pick(i, 4, 2) === 0 ? "oui" : "non",
        pick(i, 5, 3) === 0 ? "oui" : "non",
      ].join(";"),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

async function encountersXlsx(): Promise<Buffer> {
  const channels = ["En personne", "En personne", "En personne", "Téléphone", "Texto"];
  const places = ["Lieu public", "Bar", "Milieu de travail", "Bureau", "Domicile"];
  const themes = ["Sexualité", "Logement", "Consommation", "Santé mentale", "Violence", "Alimentation"];
  const genders = ["Femme", "Homme", "Femme trans", "Non précisé"];
  const ages = ["18–25 ans", "26–35 ans", "36 ans et plus", "Inconnu"];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Compilation 2018-2019");
  sheet.addRow([
    "Référence",
    "Date",
    "Heure",
    "Canal",
    "Type de lieu",
    "Thèmes",
    "Matériel remis",
    "Seringues",
    "Personne",
    "Genre",
    "Tranche d'âge",
    "Nombre de personnes",
    "Note",
  ]);
  const start = Date.UTC(2018, 3, 1);
  for (let i = 0; i < encounterCount; i += 1) {
    // Spread over the 365 days of the fiscal year, day time between 9:00 and 22:59.
    const day = new Date(start + pick(i, 10, 365) * 86_400_000);
    const time = `${String(9 + pick(i, 11, 14)).padStart(2, "0")}:${String(pick(i, 12, 60)).padStart(2, "0")}`;
    const withPerson = pick(i, 13, 10) < 7;
    const themeCount = pick(i, 14, 3);
    const chosen = [
      ...new Set(Array.from({ length: themeCount }, (_, k) => themes[pick(i, 15 + k, themes.length)])),
    ];
    const materials =
      pick(i, 20, 3) === 0 ? "" : `CONDOMS:${1 + pick(i, 21, 20)}; LUBRICANT:${pick(i, 22, 5)}`;
    sheet.addRow([
      `R-2018-${String(i + 1).padStart(5, "0")}`,
      day,
      time,
      channels[pick(i, 30, channels.length)],
      places[pick(i, 31, places.length)],
      chosen.join("; "),
      materials,
      pick(i, 32, 5) === 0 ? 2 : null,
      withPerson ? `P-${String(1 + pick(i, 33, personCount)).padStart(4, "0")}` : null,
      withPerson ? null : genders[pick(i, 34, genders.length)],
      withPerson ? null : ages[pick(i, 35, ages.length)],
      withPerson ? 1 : 1 + pick(i, 36, 3),
      pick(i, 37, 8) === 0 ? `Note de la fiche ${i + 1}` : null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Session {
  cookie: string;
  csrf: string;
}

async function graphql<T>(session: Session, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: session.cookie,
      "x-csrf-token": session.csrf,
      "accept-language": "fr-CA",
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const report =
  "rows toCreate alreadyImported created rowsWithProblems moreProblems problems { line column code message }";
const previewQuery = `query ($fileId: ID!, $shape: RecordShape!) { importPreview(fileId: $fileId, shape: $shape) {
  __typename ... on ImportPreviewSuccess { preview { rowCount suggestedMapping { field column } } } ... on AppError { message } } }`;
const run = (name: string, success: string) => `mutation ($input: ImportInput!) { r: ${name}(input: $input) {
  __typename ... on ${success} { report { ${report} } } ... on AppError { message } } }`;

interface Report {
  rows: number;
  toCreate: number;
  alreadyImported: number;
  created: number;
  rowsWithProblems: number;
  problems: unknown[];
}

async function timed<T>(label: string, times: [string, number][], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  times.push([label, performance.now() - started]);
  return result;
}

async function importFile(
  session: Session,
  shape: string,
  name: string,
  body: Buffer | string,
  times: [string, number][],
) {
  const upload = await timed(`${shape} upload`, times, async () => {
    const response = await fetch(`${base}/imports/files?name=${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "accept-language": "fr-CA" },
      body: typeof body === "string" ? Buffer.from(body) : body,
    });
    return (await response.json()) as { fileId?: string; error?: unknown };
  });
  if (!upload.fileId) throw new Error(`upload: ${JSON.stringify(upload)}`);
  const preview = await timed(`${shape} preview`, times, () =>
    graphql<{ importPreview: any }>(session, previewQuery, { fileId: upload.fileId, shape }),
  );
  const mapping = preview.importPreview.preview.suggestedMapping;
  const input = { fileId: upload.fileId, shape, mapping };
  const dryRun = await timed(`${shape} dry run`, times, () =>
    graphql<{ r: { report: Report } }>(session, run("dryRunImport", "DryRunImportSuccess"), { input }),
  );
  if (dryRun.r.report.problems.length > 0)
    throw new Error(`dry run: ${JSON.stringify(dryRun.r.report.problems.slice(0, 5))}`);
  const commit = await timed(`${shape} commit`, times, () =>
    graphql<{ r: { __typename: string; report: Report } }>(
      session,
      run("commitImport", "CommitImportSuccess"),
      { input },
    ),
  );
  if (!commit.r.report) throw new Error(`commit: ${JSON.stringify(commit.r)}`);
  return { dryRun: dryRun.r.report, commit: commit.r.report, mapping: mapping.length };
}

async function main() {
  const databaseUrl = await createDatabase(adminUrl!, "maillage_bench_import");
  await prepareDatabase(databaseUrl, { seedIfEmpty: false });
  const pool = adminPool(databaseUrl);
  const organisation = await createOrganisation(pool, { name: "Programme de référence (banc d'essai)" });
  await pool.query("UPDATE organisations SET started_on = '2015-04-01' WHERE id = $1", [organisation.id]);
  const coordinator = await createUser(pool, {
    memberships: [{ organisationId: organisation.id, roles: ["COORDINATOR"] }],
  });

  const api: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(root, "apps/api/src/main.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MAILLAGE_SEED: "none",
      PORT: String(port),
      NODE_ENV: "production",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    for (let i = 0; ; i += 1) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {}
      if (i > 150) throw new Error("the API did not start");
      await wait(200);
    }
    const signIn = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "mutation ($i: SignInInput!) { signIn(input: $i) { ... on SignInSuccess { me { csrfToken } } } }",
        variables: { i: { email: coordinator.email, password: coordinator.password } },
      }),
    });
    const session: Session = {
      cookie: signIn.headers.get("set-cookie")?.split(";")[0] ?? "",
      csrf: ((await signIn.json()) as { data: { signIn: { me: { csrfToken: string } } } }).data.signIn.me
        .csrfToken,
    };

    const generated = performance.now();
    const persons = personsCsv();
    const encounters = await encountersXlsx();
    console.log(
      `Files generated in ${((performance.now() - generated) / 1000).toFixed(1)} s: persons.csv ${(persons.length / 1024).toFixed(0)} kB, encounters.xlsx ${(encounters.length / 1024).toFixed(0)} kB.`,
    );

    const times: [string, number][] = [];
    const started = performance.now();
    const p = await importFile(session, "PERSONS", "personnes-2018-2019.csv", persons, times);
    const e = await importFile(session, "ENCOUNTERS", "compilation-2018-2019.xlsx", encounters, times);
    const total = performance.now() - started;
    console.log("\nFirst import (upload + preview + dry run + commit, through HTTP):");
    for (const [label, ms] of times)
      console.log(`  ${label.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
    console.log(`  ${"total".padEnd(22)} ${(total / 1000).toFixed(2).padStart(7)} s   (goal: < 30 s)`);
    console.log(
      `  persons:    ${p.commit.created} created of ${p.commit.rows} rows (${p.mapping} columns mapped)`,
    );
    console.log(
      `  encounters: ${e.commit.created} created of ${e.commit.rows} rows (${e.mapping} columns mapped)`,
    );

    const againTimes: [string, number][] = [];
    const againStarted = performance.now();
    const p2 = await importFile(session, "PERSONS", "personnes-2018-2019.csv", persons, againTimes);
    const e2 = await importFile(session, "ENCOUNTERS", "compilation-2018-2019.xlsx", encounters, againTimes);
    console.log(`\nSame files again (${((performance.now() - againStarted) / 1000).toFixed(2)} s):`);
    console.log(`  persons:    ${p2.commit.created} created, ${p2.commit.alreadyImported} already imported`);
    console.log(`  encounters: ${e2.commit.created} created, ${e2.commit.alreadyImported} already imported`);

    const { rows } = await pool.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM persons WHERE organisation_id = $1)::int AS persons,
              (SELECT count(*) FROM encounters WHERE organisation_id = $1)::int AS encounters,
              (SELECT count(*) FROM encounter_materials WHERE organisation_id = $1)::int AS materials,
              (SELECT count(*) FROM imported_records WHERE organisation_id = $1)::int AS keys,
              (SELECT count(*) FROM audit_events WHERE organisation_id = $1 AND action = 'IMPORT_COMMITTED')::int AS audits,
              (SELECT count(*) FROM encounters WHERE organisation_id = $1
                  AND occurred_at >= '2018-04-01T04:00:00Z' AND occurred_at < '2019-04-01T04:00:00Z')::int AS in_fiscal_2018`,
      [organisation.id],
    );
    console.log("\nIn the database:", rows[0]);
    if (p2.commit.created !== 0 || e2.commit.created !== 0) throw new Error("the second import added rows");
  } finally {
    api.kill("SIGTERM");
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
