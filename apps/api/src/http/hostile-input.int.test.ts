/**
 * The reproductions of issue 18's outside test, each a regression test: hostile headers and
 * request lines get 400 (never 500); text with NUL, control or bidirectional-override characters
 * and lone surrogates is refused, with nothing written; an alias that fits in characters fits in
 * its search column; impossible dates are refused, not rolled over; invalid UTF-8 is refused; and
 * every error of GraphQL's own (coercion, validation, persisted queries, an unknown operation
 * type, a forged cursor) reads in the caller's language with a stable code and no suggestion.
 */
import { request as httpRequest } from "node:http";
import { errorMessages, fieldErrorMessages } from "@maillage/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../testing/graphql-client.ts";
import { usePartnershipWorld } from "../testing/partnership-world.ts";
import { onlyRow } from "../testing/rows.ts";

const world = usePartnershipWorld();
let client: TestClient;

beforeAll(async () => {
  client = await world.signIn(world.owner.users.worker);
});

const createPerson = `mutation ($input: CreatePersonInput!) {
  createPerson(input: $input) {
    __typename
    ... on CreatePersonSuccess { person { alias } }
    ... on InputValidationError { fields { path code message } }
  }
}`;

const recordEncounter = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { occurredAt } }
    ... on InputValidationError { fields { path code } }
  }
}`;

/** An anonymous encounter's required fields; each test adds what it probes. */
const anonymousEncounter = {
  anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 1 },
  channel: "IN_PERSON",
  placeType: "WORKPLACE",
  themes: [],
  materials: [],
};

async function personsAliased(alias: string): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM persons WHERE alias = $1",
    [alias],
  );
  return onlyRow(rows).n;
}

async function personCount(): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM persons");
  return onlyRow(rows).n;
}

async function encounterCount(): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM encounters");
  return onlyRow(rows).n;
}

/** A raw HTTP/1.1 request, for request lines and headers that fetch() refuses to send. */
function rawRequest(path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(world.server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: "POST", path, headers, insecureHTTPParser: true },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ query: "{ __typename }" }));
  });
}

describe("hostile headers and request lines", () => {
  it("sends the strict content policy and the other security headers with every kind of answer", async () => {
    const answers = [
      await fetch(`${world.server.url}/`),
      await fetch(`${world.server.url}/healthz`),
      await fetch(`${world.server.url}/graphql`, { method: "POST", body: "{" }),
    ];
    for (const answer of answers) {
      const policy = answer.headers.get("content-security-policy") ?? "";
      expect(policy, answer.url).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toContain("unsafe-inline");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    }
  });

  it("answers Origin: null and a malformed Origin with 403, never 500", async () => {
    for (const origin of ["null", "http://[", "::::", "http://exa mple.org"]) {
      const answer = await client.request("{ __typename }", {}, { headers: { origin } });
      expect(answer.status, origin).toBe(403);
    }
  });

  it("answers a malformed request target with 400, never 500", async () => {
    for (const path of ["//", "//[", "/graphql?%zz", "http://[/graphql"]) {
      const status = await rawRequest(path, { "content-type": "application/json" });
      expect(status, path).toBeLessThan(500);
    }
  });

  it("refuses a body that is not valid UTF-8 with a translated 400", async () => {
    const before = await encounterCount();
    const url = new URL("/graphql", world.server.url);
    const body = Buffer.concat([
      Buffer.from('{"query":"mutation { createPerson(input: { alias: \\"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\\" }) { __typename } }"}'),
    ]);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": "fr-CA",
        cookie: client.cookie ?? "",
        "x-csrf-token": client.csrfToken ?? "",
      },
      body,
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(answer.errors[0]?.extensions.code).toBe("INVALID_REQUEST");
    expect(answer.errors[0]?.message).toBe(errorMessages.fr.INVALID_REQUEST);
    expect(await encounterCount()).toBe(before);
  });

  it("answers a body over the size limit with REQUEST_TOO_LARGE, in French", async () => {
    const answer = await client.request("", {}, { rawBody: `{"query":"${"a".repeat(2_000_000)}"}` });
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions?.code).toBe("REQUEST_TOO_LARGE");
    expect(answer.errors?.[0]?.message).toBe(errorMessages.fr.REQUEST_TOO_LARGE);
  });
});

describe("text discipline", () => {
  it.each([
    ["a NUL byte", "Nadia\u0000x"],
    ["a control character", "Nadia\u0007"],
    ["a C1 control character", "Nadia\u0085"],
    ["a right-to-left override", "Nadia\u202Egpj.exe"],
    ["a bidirectional isolate", "\u2066Nadia\u2069"],
    ["a lone surrogate", "Nadia\uD800"],
  ])("refuses an alias with %s, and writes nothing", async (_, alias) => {
    const before = await personCount();
    const answer = await client.request<{ createPerson: Record<string, any> }>(createPerson, {
      input: { alias },
    });
    expect(answer.status).toBe(200);
    expect(answer.data?.createPerson.__typename).toBe("InputValidationError");
    expect(answer.data?.createPerson.fields).toEqual([
      { path: "alias", code: "INVALID_CHARACTERS", message: fieldErrorMessages.fr.INVALID_CHARACTERS },
    ]);
    expect(await personCount()).toBe(before);
  });

  it("refuses a NUL byte in a free-text note, and writes nothing", async () => {
    const before = await encounterCount();
    const answer = await client.request<{ recordEncounter: Record<string, any> }>(recordEncounter, {
      input: {
        ...anonymousEncounter,
        note: "Rencontre\u0000 au parc",
      },
    });
    expect(answer.data?.recordEncounter.__typename).toBe("InputValidationError");
    expect(answer.data?.recordEncounter.fields).toEqual([{ path: "note", code: "INVALID_CHARACTERS" }]);
    expect(await encounterCount()).toBe(before);
  });

  it("keeps tabs and line breaks in a note", async () => {
    const answer = await client.request<{ recordEncounter: Record<string, any> }>(recordEncounter, {
      input: {
        ...anonymousEncounter,
        note: "Ligne 1\n\tLigne 2\r\n",
      },
    });
    expect(answer.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
  });

  it("stores an alias of 30 Hangul syllables, whose accent-free search key fits too", async () => {
    const alias = "가".repeat(30);
    const answer = await client.request<{ createPerson: Record<string, any> }>(createPerson, {
      input: { alias },
    });
    expect(answer.data?.createPerson).toEqual({ __typename: "CreatePersonSuccess", person: { alias } });
  });

  it("stores text in NFC: a decomposed é is stored composed", async () => {
    const decomposed = "Ame\u0301lie-nfc";
    const answer = await client.request<{ createPerson: Record<string, any> }>(createPerson, {
      input: { alias: decomposed },
    });
    expect(answer.data?.createPerson.person.alias).toBe("Amélie-nfc");
    expect(await personsAliased("Amélie-nfc")).toBe(1);
  });
});

describe("calendar dates", () => {
  it.each([
    ["30 February", "2027-02-30T10:00:00-05:00"],
    ["24:00", "2026-11-02T24:00:00-05:00"],
    ["the year 0000", "0000-01-01T10:00:00Z"],
    ["a 61st second", "2026-11-02T10:00:61-05:00"],
    ["an offset past 14 hours", "2026-11-02T10:00:00+15:00"],
  ])("refuses %s instead of rolling it over, in French, writing nothing", async (_, occurredAt) => {
    const before = await encounterCount();
    const answer = await client.request(recordEncounter, {
      input: {
        ...anonymousEncounter,
        occurredAt,
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");
    expect(answer.errors?.[0]?.message).toBe(errorMessages.fr.INPUT_VALIDATION);
    expect(await encounterCount()).toBe(before);
  });
});

describe("GraphQL's own errors, in the caller's language", () => {
  it("answers an unknown field without naming or suggesting any, to a signed-out caller too", async () => {
    const { TestClient } = await import("../testing/graphql-client.ts");
    for (const caller of [client, new TestClient(world.server.url)]) {
      const answer = await caller.request("{ persn { id } }");
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe("INVALID_REQUEST");
      expect(answer.errors?.[0]?.message).toBe(errorMessages.fr.INVALID_REQUEST);
      expect(JSON.stringify(answer)).not.toMatch(/Did you mean|persons/);
    }
  });

  it("answers in English to an English caller", async () => {
    const { TestClient } = await import("../testing/graphql-client.ts");
    const answer = await new TestClient(world.server.url, "en-CA").request("{ persn { id } }");
    expect(answer.errors?.[0]?.message).toBe(errorMessages.en.INVALID_REQUEST);
  });

  it("answers a syntax error, a subscription and an unknown persisted query with 4xx and a catalogue code", async () => {
    const syntax = await client.request("{ me { ");
    const subscription = await client.request("subscription { me { id } }");
    const persisted = await client.request(
      "",
      {},
      {
        rawBody: JSON.stringify({
          extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
        }),
      },
    );
    for (const answer of [syntax, subscription, persisted]) {
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(500);
      expect(answer.errors?.[0]?.extensions?.code).toBe("INVALID_REQUEST");
      expect(answer.errors?.[0]?.message).toBe(errorMessages.fr.INVALID_REQUEST);
    }
  });

  it("answers a forged connection cursor as the caller's mistake, not an internal error", async () => {
    for (const after of ["garbage", "YXJyYXljb25uZWN0aW9uOi0x", "\u0000"]) {
      const answer = await client.request(
        "query ($after: String) { persons(first: 5, after: $after) { edges { node { id } } } }",
        { after },
      );
      expect(answer.status, after).toBeLessThan(500);
      expect(answer.errors?.[0]?.extensions?.code, after).toBe("INPUT_VALIDATION");
    }
  });

  it("answers a value of the wrong type with INPUT_VALIDATION in French", async () => {
    const answer = await client.request(createPerson, { input: { alias: ["x"] } });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe("INPUT_VALIDATION");
    expect(answer.errors?.[0]?.message).toBe(errorMessages.fr.INPUT_VALIDATION);
  });
});
