import { describe, expect, it } from "vitest";
import { TestClient } from "./testing/graphql-client.ts";
import { usePartnershipWorld } from "./testing/partnership-world.ts";

const world = usePartnershipWorld();

const createVenue = `mutation ($input: CreateVenueInput!) {
  createVenue(input: $input) {
    __typename
    ... on InputValidationError { code message fields { path code message } }
  }
}`;

describe("the mutation envelope (mutations.ts)", () => {
  it("checks the field's scopes before the input: a refused caller learns nothing of its input", async () => {
    // An invalid input (empty name, too long an address) from a nurse, who does not write venues:
    // validating first (as an argument-validation plugin would) would answer INPUT_VALIDATION.
    const nurse = await world.signIn(world.owner.users.nurse);
    const refused = await nurse.request<any>(createVenue, {
      input: { name: " ", kind: "HOTEL", address: "x".repeat(301) },
    });
    expect(refused.data?.createVenue ?? null).toBeNull();
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["NOT_FOUND"]);
  });

  it("then validates with the input's zod schema, in the caller's language, at the schema's paths", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const invalid = { name: " ", kind: "HOTEL", address: "x".repeat(301) };
    const french = await coordinator.request<any>(createVenue, { input: invalid });
    expect(french.data?.createVenue).toMatchObject({
      __typename: "InputValidationError",
      code: "INPUT_VALIDATION",
    });
    expect(french.data?.createVenue.fields.map((f: any) => `${f.path}:${f.code}`)).toEqual([
      "name:REQUIRED",
      "address:TOO_LONG",
    ]);
    expect(french.data?.createVenue.fields[0].message).toBe("Ce champ est obligatoire.");
    const inEnglish = new TestClient(world.server.url, "en-CA");
    await inEnglish.signIn(world.owner.users.coordinator.email, world.owner.users.coordinator.password);
    const english = await inEnglish.request<any>(createVenue, { input: invalid });
    expect(english.data?.createVenue.fields[0].message).toBe("This field is required.");
  });
});
