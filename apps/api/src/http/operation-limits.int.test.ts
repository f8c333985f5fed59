/**
 * Operation limits (issue 18): depth, selections (aliases included), tokens and a cost that
 * counts list sizes (Pothos' complexity plugin, graphql-limits.ts), checked before the request's
 * transaction: a refused operation is answered QUERY_TOO_COMPLEX in the caller's language and
 * sends no SQL at all. Every document the web app sends stays within them.
 */
import { errorMessages } from "@maillage/domain";
import {
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOperationLimits, pageSizes } from "../graphql-limits.ts";
import { schema } from "../schema.ts";
import type { TestClient } from "../testing/graphql-client.ts";
import { usePartnershipWorld } from "../testing/partnership-world.ts";

const world = usePartnershipWorld();
let client: TestClient;

beforeAll(async () => {
  client = await world.signIn(world.owner.users.worker);
});

function nested(depth: number): string {
  let selection = "id";
  for (let level = 0; level < depth; level += 1) {
    selection =
      level % 2 === 0
        ? `person { ${selection} }`
        : `encounters(first: 1) { edges { node { ${selection} } } }`;
  }
  return `{ persons(first: 1) { edges { node { ${selection} } } } }`;
}

const hundredByHundred = `{ persons(first: 100) { edges { node { id alias
  encounters(first: 100) { edges { node { id occurredAt channel themes } } }
  referrals(first: 100) { edges { node { id status } } } } } } }`;

async function refusedWithoutSql(query: string, language = "fr-CA") {
  world.server.statements.reset();
  const answer = await client.request(query, {}, { headers: { "accept-language": language } });
  expect(world.server.statements.count).toBe(0);
  return answer;
}

describe("operation limits", () => {
  it.each([
    ["a depth-20 query", nested(20)],
    ["1,000 aliases", `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(" ")} }`],
    ["over 5,000 tokens", `{ ${"__typename ".repeat(5_001)} }`],
    ["100 persons × 100 encounters and 100 referrals each", hundredByHundred],
  ])("refuses %s before any SQL, in French", async (_, query) => {
    const answer = await refusedWithoutSql(query);
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([
      { message: errorMessages.fr.QUERY_TOO_COMPLEX, extensions: { code: "QUERY_TOO_COMPLEX" } },
    ]);
  });

  it("answers in English to an English caller", async () => {
    const answer = await refusedWithoutSql(hundredByHundred, "en-CA");
    expect(answer.errors?.[0]?.message).toBe(errorMessages.en.QUERY_TOO_COMPLEX);
  });

  it("counts a page size given as a variable", async () => {
    const query = `query ($n: Int) { persons(first: $n) { edges { node { id
      encounters(first: $n) { edges { node { id occurredAt channel themes } } } } } } }`;
    world.server.statements.reset();
    const big = await client.request(query, { n: 100 });
    expect(big.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(world.server.statements.count).toBe(0);
    const small = await client.request(query, { n: 10 });
    expect(small.errors ?? []).toEqual([]);
  });

  it("refuses a 1 MB query as too large, before reading it whole", async () => {
    const answer = await client.request(`{ ${"__typename ".repeat(100_000)} }`);
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions?.code).toBe("REQUEST_TOO_LARGE");
    expect(answer.errors?.[0]?.message).toBe(errorMessages.fr.REQUEST_TOO_LARGE);
  });

  it("serves a caseload of 50 persons with 10 encounters each", async () => {
    const answer = await client.request(
      `{ persons(first: 50) { edges { node { id alias birthYear encounters(first: 10) { edges { node { id occurredAt channel placeType themes } } } } } } }`,
    );
    expect(answer.errors ?? []).toEqual([]);
  });

  it("lets every document of the web app through, its variables at their worst (every Int at the largest page)", async () => {
    // The web's generated documents (graphql-codegen's client preset: TypedDocumentString), by
    // path at run time: the API's type check does not depend on the web's generation.
    const generated = new URL("../../../web/src/generated/graphql.ts", import.meta.url).href;
    const webDocuments = (await import(/* @vite-ignore */ generated)) as Record<string, unknown>;
    const documents = Object.entries(webDocuments).filter(([name]) => name.endsWith("Document"));
    expect(documents.length).toBeGreaterThan(100);
    const outcomes = documents.map(([name, document]) => {
      const query = String(document);
      const variables = worstCaseVariables(schema, query);
      return `${name}: ${checkOperationLimits(schema, { query, variables }) ?? "within the limits"}`;
    });
    expect(outcomes.filter((outcome) => !outcome.endsWith("within the limits"))).toEqual([]);
    // The check can fail: a document at twice the largest page of persons, measured, is refused.
    const doubled =
      "query ($n: Int!) { persons(first: $n) { edges { node { encounters(first: $n) { edges { node { id } } } } } } }";
    expect(
      checkOperationLimits(schema, { query: doubled, variables: worstCaseVariables(schema, doubled) }),
    ).toBe("QUERY_TOO_COMPLEX");
  });
});

/**
 * Values for every variable of `query`'s operation, the worst for its cost: each Int the largest
 * page (a page size is the only Int that multiplies a cost), each list one item, each input
 * object its required fields; other scalars any valid value.
 */
function worstCaseVariables(schema: GraphQLSchema, query: string): Record<string, unknown> {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const variables: Record<string, unknown> = {};
  for (const definition of operation?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    if (type) variables[definition.variable.name.value] = sampleOf(type as GraphQLInputType);
  }
  return variables;
}

const sampleScalars: Record<string, unknown> = {
  Int: pageSizes.max,
  Float: 1,
  String: "x",
  Boolean: true,
  ID: "UGVyc29uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==",
  Date: "2026-06-01",
  DateTime: "2026-06-01T12:00:00.000Z",
};

function sampleOf(type: GraphQLInputType): unknown {
  const named = getNullableType(type);
  if (isListType(named)) return [sampleOf(named.ofType)];
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = sampleOf(field.type);
    }
    return value;
  }
  const name = (named as { name: string }).name;
  return name in sampleScalars ? sampleScalars[name] : "x";
}
