import { createPerson } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type GraphQLObjectType, getNamedType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../schema.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const previewQuery = `query ($person: ID!, $organisation: ID!) {
  personAsSeenBy(personId: $person, organisationId: $organisation) {
    __typename
    ... on PersonAsSeenBySuccess { preview {
      sees organisation { name }
      profile { alias birthYear gender languages mayText mayLeaveMessage safeContactNote possiblyMinor }
      encounters { occurredAt channel placeType themes headCount materials { item quantity } }
      accompaniments { destination status }
      nurseVisits { plannedStart status acts { kind count } }
      referrals { status serviceRequested }
    } }
    ... on AppError { code }
  }
}`;

describe("see as partner", () => {
  it("has no field for what a partner never reads: a note, a legal name, an outcome, a reason, clinical notes", () => {
    const preview = schema.getType("PartnerPreview") as GraphQLObjectType;
    const reachable = new Map<string, GraphQLObjectType>();
    const visit = (type: GraphQLObjectType) => {
      if (reachable.has(type.name)) return;
      reachable.set(type.name, type);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named) && named.name.startsWith("PartnerPreview")) visit(named);
      }
    };
    visit(preview);
    expect([...reachable.keys()].sort()).toEqual([
      "PartnerPreview",
      "PartnerPreviewAccompaniment",
      "PartnerPreviewClinicalAct",
      "PartnerPreviewEncounter",
      "PartnerPreviewMaterial",
      "PartnerPreviewNurseVisit",
      "PartnerPreviewProfile",
      "PartnerPreviewReferral",
    ]);
    const fields = [...reachable.values()].flatMap((type) =>
      Object.keys(type.getFields()).map((name) => `${type.name}.${name}`),
    );
    expect(fields.length).toBeGreaterThan(20);
    const named = (field: string) => field.split(".")[1] ?? "";
    expect(
      fields.filter((field) => /note|legal|outcome|reason|result|message|clinical/i.test(named(field))),
    ).toEqual([
      // Safe-contact preferences are part of the profile a consented partner needs (DESIGN §3).
      "PartnerPreviewProfile.mayLeaveMessage",
      "PartnerPreviewProfile.safeContactNote",
    ]);
  });

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
    const profile = preview.profile;
    expect(profile).toMatchObject({
      alias: "Éloïse",
      gender: "WOMAN",
      languages: ["fr"],
      possiblyMinor: false,
    });
    expect(preview.encounters).toEqual([
      {
        occurredAt: expect.any(String),
        channel: "IN_PERSON",
        placeType: "WORKPLACE",
        themes: ["SEXUALITY"],
        headCount: 1,
        materials: [],
      },
    ]);
    expect(preview.accompaniments).toEqual([]);
    // No consent names accompaniments: the partner sees none, and none is answered.
    expect(preview.nurseVisits).toEqual([]);
    expect(preview.referrals).toEqual([]);

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
    // One's own organisation is no partner: a field error, never an internal one.
    const ownOrganisation = await owner.request<any>(
      `query ($person: ID!, $organisation: ID!) { personAsSeenBy(personId: $person, organisationId: $organisation) {
        __typename ... on InputValidationError { fields { path code } } } }`,
      { person: world.person.globalId, organisation: world.owner.globalId },
    );
    expect(ownOrganisation.data?.personAsSeenBy).toEqual({
      __typename: "InputValidationError",
      fields: [{ path: "organisationId", code: "NOT_A_PARTNER" }],
    });
  });

  it("lists each kind a consent names exactly as the partner's own view does, without notes", async () => {
    const owner = await world.signIn(world.owner.users.worker);
    const person = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Rosalie" });
    const personId = encodeGlobalID("Person", person.id);
    const accompaniment = await world.pool.query<{ id: string }>(
      `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
       VALUES ($1, $2, $3, 'HOUSING', now() + interval '1 day') RETURNING id`,
      [world.owner.id, person.id, world.owner.users.worker.id],
    );
    await world.pool.query(
      "INSERT INTO accompaniment_notes (accompaniment_id, organisation_id, body) VALUES ($1, $2, 'Note privée')",
      [onlyRow(accompaniment.rows).id, world.owner.id],
    );
    await world.pool.query(
      "INSERT INTO accompaniment_outcomes (accompaniment_id, organisation_id, body) VALUES ($1, $2, 'Issue privée')",
      [onlyRow(accompaniment.rows).id, world.owner.id],
    );
    const consented = await owner.request<any>(
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { __typename } }`,
      {
        input: {
          personId,
          granteeOrganisationId: world.partner.globalId,
          recordKinds: ["PROFILE", "ACCOMPANIMENTS"],
        },
      },
    );
    expect(consented.data?.recordConsent.__typename).toBe("RecordConsentSuccess");
    const sent = await owner.request<any>(
      `mutation ($input: SendReferralInput!) { sendReferral(input: $input) { __typename } }`,
      {
        input: {
          personId,
          toOrganisationId: world.partner.globalId,
          reason: "Raison privée",
          serviceRequested: "Hébergement",
          urgency: "SOON",
        },
      },
    );
    expect(sent.data?.sendReferral.__typename).toBe("SendReferralSuccess");

    const preview = (
      await owner.request<any>(previewQuery, { person: personId, organisation: world.partner.globalId })
    ).data?.personAsSeenBy.preview;
    expect(preview).toMatchObject({
      sees: true,
      profile: { alias: "Rosalie" },
      encounters: [],
      accompaniments: [{ destination: "HOUSING", status: "PLANNED" }],
      nurseVisits: [],
      referrals: [{ status: "SENT", serviceRequested: "Hébergement" }],
    });
    expect(JSON.stringify(preview)).not.toMatch(/Note privée|Issue privée|Raison privée/);

    const partner = await world.signIn(world.partner.users.worker);
    const own = await partner.request<any>(
      `query ($id: ID!) { person(id: $id) {
        accompaniments(first: 10) { edges { node { destination status note outcome } } }
        referrals(first: 10) { edges { node { status serviceRequested } } }
      } }`,
      { id: personId },
    );
    expect(own.data?.person).toEqual({
      accompaniments: {
        edges: [{ node: { destination: "HOUSING", status: "PLANNED", note: null, outcome: null } }],
      },
      referrals: { edges: [{ node: { status: "SENT", serviceRequested: "Hébergement" } }] },
    });
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
    // Counted for this person only: other test files write audit events at the same time.
    const personEvents = () =>
      world.pool.query("SELECT count(*)::int AS n FROM audit_events WHERE record_id = $1", [world.person.id]);
    const before = await personEvents();
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
    const after = await personEvents();
    expect(before.rows[0].n).toBeGreaterThan(0);
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
