/**
 * The bounded load test: simulated users, each signed in with its own session and CSRF token,
 * mixing reads (me, today, the caseload, a person's file, the referral inbox) with keyed
 * encounter writes for a fixed duration. Counts answers by kind; durations are only reported.
 */
import { randomUUID } from "node:crypto";
import { type Answer, codesOf, encounterInput, recordEncounter, UserSession } from "./client.ts";

export interface LoadUser {
  email: string;
  password: string;
}

export interface LoadReport {
  users: number;
  seconds: number;
  served: number;
  byOperation: Record<string, number>;
  serverErrors: number;
  /** Answers with a GraphQL error or a typed refusal (by code), 5xx apart. */
  refusals: Record<string, number>;
  networkErrors: number;
  writesAcknowledged: number;
  p50: number;
  p99: number;
  max: number;
}

const reads = {
  me: { query: "query Me { me { csrfToken roles } }", variables: () => ({}) },
  today: {
    query: "query Today { today { dayStart outreach { __typename } coordination { __typename } } }",
    variables: () => ({}),
  },
  persons: {
    query: "query Caseload { persons(first: 20) { edges { node { id alias } } } }",
    variables: () => ({}),
  },
  personFile: {
    query: `query File($id: ID!) { person(id: $id) {
      id alias gender languages
      encounters(first: 10) { edges { node { id } } }
      referrals(first: 10) { edges { node { id } } }
    } }`,
    variables: (personIds: string[]) => ({ id: personIds[Math.floor(Math.random() * personIds.length)] }),
  },
  referralInbox: {
    query: "query Inbox { referrals(box: INBOX, first: 20) { edges { node { id createdAt } } } }",
    variables: () => ({}),
  },
} as const;

type Operation = keyof typeof reads | "recordEncounter";
const mix: [Operation, number][] = [
  ["me", 15],
  ["today", 15],
  ["persons", 20],
  ["personFile", 20],
  ["referralInbox", 10],
  ["recordEncounter", 20],
];
const totalWeight = mix.reduce((sum, [, weight]) => sum + weight, 0);

function pick(): Operation {
  let roll = Math.random() * totalWeight;
  for (const [operation, weight] of mix) {
    roll -= weight;
    if (roll < 0) return operation;
  }
  return "me";
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(options: {
  url: string;
  users: LoadUser[];
  personIds: string[];
  seconds: number;
}): Promise<LoadReport> {
  const sessions = await Promise.all(
    options.users.map(async (user) => {
      const session = new UserSession(() => options.url);
      await session.signIn(user.email, user.password);
      return session;
    }),
  );
  const durations: number[] = [];
  const report: LoadReport = {
    users: sessions.length,
    seconds: options.seconds,
    served: 0,
    byOperation: {},
    serverErrors: 0,
    refusals: {},
    networkErrors: 0,
    writesAcknowledged: 0,
    p50: 0,
    p99: 0,
    max: 0,
  };
  const deadline = Date.now() + options.seconds * 1000;
  const count = (operation: Operation, answer: Answer) => {
    report.served += 1;
    report.byOperation[operation] = (report.byOperation[operation] ?? 0) + 1;
    durations.push(answer.milliseconds);
    if (answer.status >= 500) report.serverErrors += 1;
    for (const code of codesOf(answer)) report.refusals[code] = (report.refusals[code] ?? 0) + 1;
  };
  await Promise.all(
    sessions.map(async (session) => {
      while (Date.now() < deadline) {
        const operation = pick();
        try {
          if (operation === "recordEncounter") {
            const key = randomUUID();
            const answer = await session.request(recordEncounter, encounterInput(`load ${key}`), {
              "idempotency-key": key,
            });
            count(operation, answer);
            const result = answer.body?.data?.recordEncounter as { __typename?: string } | undefined;
            if (result?.__typename === "RecordEncounterSuccess") report.writesAcknowledged += 1;
          } else {
            const read = reads[operation];
            count(operation, await session.request(read.query, read.variables(options.personIds)));
          }
        } catch {
          report.networkErrors += 1;
        }
        // A person reading the answer before the next click: 0–100 ms.
        await sleep(Math.random() * 100);
      }
    }),
  );
  durations.sort((a, b) => a - b);
  report.p50 = Math.round(percentile(durations, 50));
  report.p99 = Math.round(percentile(durations, 99));
  report.max = Math.round(durations.at(-1) ?? 0);
  return report;
}
