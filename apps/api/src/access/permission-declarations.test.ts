/**
 * A snapshot of every root field's and every type's declared authorization. A diff in
 * permission-declarations.snap.txt changes who can reach data: review it as a permission
 * change. The test also fails on any root field, other than the few public ones, that
 * declares no scope and returns a type that declares none either.
 */
import { type GraphQLNamedType, getNamedType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../schema.ts";

/** Reachable signed out, on purpose. */
const publicRootFields = new Set([
  "Query.me",
  "Query.node",
  "Query.nodes",
  "Mutation.signIn",
  "Mutation.signOut",
  // The invitation's token is the credential (organisations/invitations.ts).
  "Mutation.acceptInvitation",
]);

function describeScopes(scopes: unknown): string | null {
  if (scopes === undefined || scopes === null) return null;
  // A scope read from the field's arguments says which (access/argument-scopes.ts).
  if (typeof scopes === "function")
    return (scopes as { declared?: string }).declared ?? "(depends on the record)";
  return JSON.stringify(scopes);
}

function typeScopes(type: GraphQLNamedType): string | null {
  const options = (type.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
  return describeScopes(options?.authScopes);
}

describe("permission declarations", () => {
  const lines: string[] = [];
  const undeclared: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const [name, field] of Object.entries(root.getFields()).sort(([a], [b]) => a.localeCompare(b))) {
      const key = `${root.name}.${name}`;
      const fieldOptions = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
      const own = describeScopes(fieldOptions?.authScopes);
      const returned = getNamedType(field.type);
      const onType = typeScopes(returned);
      lines.push(
        `${key}: ${own ?? (publicRootFields.has(key) ? "public" : "—")} → ${returned.name}${onType ? ` ${onType}` : ""}`,
      );
      if (!own && !onType && !publicRootFields.has(key)) undeclared.push(key);
    }
  }
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (
      type.name.startsWith("__") ||
      !isObjectType(type) ||
      type.name === "Query" ||
      type.name === "Mutation"
    )
      continue;
    const onType = typeScopes(type);
    const fields = Object.entries(type.getFields())
      .map(([name, field]) => {
        const scopes = describeScopes(
          (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes,
        );
        return scopes ? `${name} ${scopes}` : null;
      })
      .filter(Boolean);
    if (onType || fields.length > 0) {
      lines.push(
        `type ${type.name}: ${onType ?? "—"}${fields.length ? `; fields: ${fields.join(", ")}` : ""}`,
      );
    }
  }

  it("every non-public root field declares who may reach it", () => {
    expect(undeclared).toEqual([]);
  });

  it("the indicators are declared: the organisation's behind its action, the partnership's signed in (its readers are checked in SQL, app.may_read_partnership_indicators)", () => {
    expect(lines).toContain(
      'Query.organisationIndicators: {"takesAction":"READ_ORGANISATION_DASHBOARD"} → OrganisationIndicatorsResult',
    );
    expect(lines).toContain('Query.partnershipIndicators: {"signedIn":true} → PartnershipIndicatorsResult');
    expect(lines.filter((line) => line.includes("Dashboard"))).toEqual([]);
  });

  it("matches the reviewed snapshot", async () => {
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("./permission-declarations.snap.txt");
  });
});
