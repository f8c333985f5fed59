/**
 * How each cell of the write matrix is attempted: the SQL statement run as the app role, and the
 * GraphQL mutation with the owner-side query that tells whether it wrote. Every SQL statement
 * names one existing row (or inserts one): run as the table owner it affects exactly one row, so
 * a refusal under the app role comes from row-level security or grants, never from the statement.
 * The attempts themselves: write-matrix-field-work.ts, -joint-work.ts, -organisation-work.ts.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Operation, WriteKind } from "../access/write-matrix.expected.ts";
import type { MatrixViewer, WriteMatrixWorld, WriteTargets } from "./write-matrix-world.ts";

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface MutationAttempt {
  /** The Mutation field. */
  field: string;
  /** Its arguments, as GraphQL text using $input or $id. */
  args: string;
  variables: Record<string, unknown>;
  /** An owner-side query answering one row `{ written: boolean }`. */
  written: Statement;
}

export interface CellContext {
  world: WriteMatrixWorld;
  targets: WriteTargets;
  viewer: MatrixViewer;
  /** Unique to the viewer and cell: what an accepted create leaves behind. */
  marker: string;
}

export interface Attempts {
  sql(context: CellContext): Statement;
  graphql?(context: CellContext): MutationAttempt | Promise<MutationAttempt>;
}

/** The value, or a clear failure of the test's own setup (what is missing). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`write matrix: no ${what}`);
  return value;
}

export const hour = 3_600_000;
export const day = 24 * hour;
export const g = encodeGlobalID;
export const input = (
  field: string,
  variables: Record<string, unknown>,
  written: Statement,
): MutationAttempt => ({
  field,
  args: "input: $input",
  variables: { input: variables },
  written,
});
export const exists = (sql: string, params: unknown[]): Statement => ({
  sql: `SELECT EXISTS (${sql}) AS written`,
  params,
});
export const absent = (sql: string, params: unknown[]): Statement => ({
  sql: `SELECT NOT EXISTS (${sql}) AS written`,
  params,
});
export const at = (base: Date, offset: number) => new Date(base.getTime() + offset).toISOString();
/** The receiving side answers, the sending side withdraws. */
export const referralStep = ({ world, viewer }: CellContext) =>
  viewer.organisationId === world.organisations["partner, open referral"] ? "ACCEPTED" : "WITHDRAWN";
/** A role the viewer does not hold yet. */
export const widenedRoles = ({ viewer }: CellContext) =>
  viewer.roles.includes("COORDINATOR") ? [...viewer.roles, "ORG_ADMIN"] : [...viewer.roles, "COORDINATOR"];
export const encounterFields = (person: string) => ({
  personId: g("Person", person),
  placeType: "WORKPLACE",
});

export type AttemptsByKind = Partial<Record<WriteKind, Partial<Record<Operation, Attempts>>>>;
