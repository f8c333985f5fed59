import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartnershipWorld, type PartnershipWorld } from "../../testing/partnership-world.ts";
import { startTestServer, type TestServer } from "../../testing/test-server.ts";

let server: TestServer;
let world: PartnershipWorld;
beforeAll(async () => {
  server = await startTestServer();
  world = await createPartnershipWorld(server.url, server.databaseUrl);
});
afterAll(async () => {
  await server.stop();
});

const previewQuery = `query ($person: ID!, $organisation: ID!) {
  personAsSeenBy(personId: $person, organisationId: $organisation) {
    __typename
    ... on PersonAsSeenBySuccess { preview { sees organisation { name } profile { json } encounters { json } accompaniments { json } } }
    ... on AppError { code }
  }
}`;

describe("see as partner", () => {
  it("shows exactly what the partner itself gets, and nothing to an organisation the consent does not name", async () => {
    const owner = await world.signIn(world.owner.users.worker);
    const before = await owner.request<any>(previewQuery, {
      person: world.person.globalId,
      organisation: world.partner.globalId,
    });
    expect(before.data?.personAsSeenBy.preview).toMatchObject({ sees: false, profile: null, encounters: [] });

    await owner.request(
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { __typename } }`,
      {
        input: {
          personId: world.person.globalId,
          granteeOrganisationId: world.partner.globalId,
          recordKinds: ["PROFILE", "ENCOUNTERS_SUMMARY"],
        },
      },
    );
    const preview = (
      await owner.request<any>(previewQuery, {
        person: world.person.globalId,
        organisation: world.partner.globalId,
      })
    ).data?.personAsSeenBy.preview;
    expect(preview.sees).toBe(true);
    expect(preview.organisation.name).toBe("Organisme partenaire");
    const profile = JSON.parse(preview.profile.json);
    expect(profile).toMatchObject({ alias: "Éloïse", legalName: null });
    expect(preview.encounters).toHaveLength(1);
    expect(JSON.parse(preview.encounters[0].json)).toMatchObject({ note: null, themes: ["SEXUALITY"] });
    expect(preview.accompaniments).toEqual([]);

    // The partner's own view agrees with the preview.
    const partner = await world.signIn(world.partner.users.worker);
    const own = await partner.request<any>(
      `query ($id: ID!) { person(id: $id) { alias legalName encounters(first: 10) { edges { node { note themes } } } } }`,
      { id: world.person.globalId },
    );
    expect(own.data?.person).toEqual({
      alias: profile.alias,
      legalName: null,
      encounters: { edges: [{ node: { note: null, themes: ["SEXUALITY"] } }] },
    });

    const unrelated = (
      await owner.request<any>(previewQuery, {
        person: world.person.globalId,
        organisation: world.unrelated.globalId,
      })
    ).data?.personAsSeenBy.preview;
    expect(unrelated).toMatchObject({ sees: false, profile: null, encounters: [] });
  });

  it("is audited as the owner's preview, never as a read by the partner; only the owner may preview", async () => {
    const owner = await world.signIn(world.owner.users.coordinator);
    await owner.request(previewQuery, {
      person: world.person.globalId,
      organisation: world.partner.globalId,
    });
    const { rows } = await world.pool.query<{ action: string; organisation_id: string }>(
      "SELECT action, organisation_id FROM audit_events WHERE record_id = $1 AND user_id = $2",
      [world.person.id, world.owner.users.coordinator.id],
    );
    expect(rows).toEqual([{ action: "PREVIEW_AS_PARTNER", organisation_id: world.owner.id }]);
    const partner = await world.signIn(world.partner.users.coordinator);
    const refused = await partner.request<any>(previewQuery, {
      person: world.person.globalId,
      organisation: world.owner.globalId,
    });
    expect(refused.data?.personAsSeenBy).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    // A preview switches the database viewer while it runs; other root fields run concurrently
    // and could query inside that window: it must be the operation's only field.
    const before = await world.pool.query("SELECT count(*)::int AS n FROM audit_events");
    for (const query of [
      `query ($p: ID!, $o: ID!) {
        personAsSeenBy(personId: $p, organisationId: $o) { __typename }
        person(id: $p) { legalName encounters(first: 1) { edges { node { note } } } }
      }`,
      `query ($p: ID!, $o: ID!) {
        a: personAsSeenBy(personId: $p, organisationId: $o) { __typename }
        b: personAsSeenBy(personId: $p, organisationId: $o) { __typename }
      }`,
      `query ($p: ID!, $o: ID!) { ...Both }
       fragment Both on Query { personAsSeenBy(personId: $p, organisationId: $o) { __typename } me { __typename } }`,
    ]) {
      const mixed = await owner.request<any>(query, { p: world.person.globalId, o: world.partner.globalId });
      expect(mixed.data ?? null).toBeNull();
      expect(mixed.errors?.[0]?.extensions?.code).toBe("PREVIEW_NOT_ALONE");
    }
    const after = await world.pool.query("SELECT count(*)::int AS n FROM audit_events");
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // The request after a preview is the real viewer's again: the owner sees notes.
    const next = await owner.request<any>(
      `query ($p: ID!) { person(id: $p) { legalName encounters(first: 1) { edges { node { note } } } } }`,
      { p: world.person.globalId },
    );
    expect(next.data?.person).toEqual({
      legalName: "Nom Légal",
      encounters: { edges: [{ node: { note: "Note interne" } }] },
    });
  });
});
