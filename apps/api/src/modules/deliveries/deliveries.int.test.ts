// Issue 15, the confidential line: material delivery requests through their states, the items
// handed out counted once in the stock, bad input refused with nothing written, nobody outside the
// owning organisation's team seeing any of it; and the line's own encounters (phone, SMS, online
// platform, video) counted in the organisation's dashboard.
import { randomUUID } from "node:crypto";
import { createOrganisation, createPerson, createUser, queryAsViewer } from "@maillage/db/factories";
import { fiscalYearOf } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { figure, nonZero, readOrganisation, table } from "../../testing/published-indicators.ts";
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const delivery = `
  id status open version placeType timeWindow place assignedToName assignedToViewer encounterId
  anonymousGender anonymousAgeBracket person { alias }
  items { item label quantity }
  transitions { fromStatus toStatus at byName }`;
const request = `mutation ($input: RequestMaterialDeliveryInput!) {
  requestMaterialDelivery(input: $input) {
    __typename
    ... on RequestMaterialDeliverySuccess { delivery { ${delivery} } }
    ... on InputValidationError { code message fields { path code message } }
    ... on AppError { code message }
  }
}`;
const transition = `mutation ($input: TransitionMaterialDeliveryInput!) {
  transitionMaterialDelivery(input: $input) {
    __typename
    ... on TransitionMaterialDeliverySuccess { delivery { ${delivery} } }
    ... on InputValidationError { code message fields { path code message } }
    ... on AppError { code message }
  }
}`;
const stock = `mutation ($input: RecordMaterialStockInput!) {
  recordMaterialStock(input: $input) { __typename ... on AppError { code } }
}`;
const onHand = "{ materialStock { item onHand } }";

async function stockOf(client: TestClient, item: string): Promise<number | undefined> {
  const result = await client.request<any>(onHand);
  return result.data?.materialStock.find((level: { item: string }) => level.item === item)?.onHand;
}

/** Rows of the owner's deliveries and their parts: what "nothing written" compares. */
async function deliveryRows(): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM material_deliveries WHERE organisation_id = $1)
           + (SELECT count(*) FROM material_delivery_items WHERE organisation_id = $1)
           + (SELECT count(*) FROM material_delivery_places WHERE organisation_id = $1)
           + (SELECT count(*) FROM material_delivery_transitions WHERE organisation_id = $1)
           + (SELECT count(*) FROM encounters WHERE organisation_id = $1))::int AS n`,
    [world.owner.id],
  );
  return onlyRow(rows).n;
}

async function signedInIn(language: string, user: { email: string; password: string }) {
  const client = new TestClient(world.server.url, language);
  await client.signIn(user.email, user.password);
  return client;
}

const step = (
  client: TestClient,
  id: string,
  to: string,
  expectedVersion: number,
  extra: Record<string, unknown> = {},
) => client.request<any>(transition, { input: { deliveryId: id, to, expectedVersion, ...extra } });

describe("a delivery through its states", () => {
  it("is requested, scheduled and delivered once: the stock decreases once, every step with who and when", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    for (const [item, count] of [
      ["NALOXONE_KITS", 40],
      ["CRACK_KITS", 25],
    ] as const) {
      const counted = await coordinator.request<any>(stock, {
        input: { item, onHand: count, lowThreshold: 5 },
      });
      expect(counted.data?.recordMaterialStock.__typename).toBe("RecordMaterialStockSuccess");
    }
    const worker = await world.signIn(world.owner.users.worker);
    const asked = await worker.request<any>(request, {
      input: {
        personId: world.person.globalId,
        items: [
          { item: "NALOXONE_KITS", quantity: 3 },
          { item: "CRACK_KITS", quantity: 10 },
        ],
        timeWindow: "jeudi après 18 h, texto avant",
        place: "derrière le dépanneur",
        placeType: "PUBLIC_PLACE",
      },
    });
    const requested = asked.data?.requestMaterialDelivery.delivery;
    expect(requested).toMatchObject({
      status: "REQUESTED",
      open: true,
      version: 1,
      timeWindow: "jeudi après 18 h, texto avant",
      place: "derrière le dépanneur",
      assignedToViewer: true,
      encounterId: null,
      person: { alias: "Éloïse" },
      items: [
        { item: "CRACK_KITS", label: "Trousses d'inhalation", quantity: 10 },
        { item: "NALOXONE_KITS", label: "Trousses de naloxone", quantity: 3 },
      ],
    });
    expect(requested.transitions).toHaveLength(1);
    expect(requested.transitions[0]).toMatchObject({ fromStatus: null, toStatus: "REQUESTED" });

    const scheduled = (await step(worker, requested.id, "SCHEDULED", 1)).data?.transitionMaterialDelivery
      .delivery;
    expect(scheduled).toMatchObject({ status: "SCHEDULED", version: 2, encounterId: null });
    expect(await stockOf(coordinator, "NALOXONE_KITS")).toBe(40);

    // Delivered by the coordinator, who went in the worker's place.
    const delivered = (await step(coordinator, requested.id, "DELIVERED", 2)).data?.transitionMaterialDelivery
      .delivery;
    expect(delivered).toMatchObject({ status: "DELIVERED", open: false, version: 3 });
    expect(delivered.encounterId).toMatch(/\w/);
    expect(await stockOf(coordinator, "NALOXONE_KITS")).toBe(37);
    expect(await stockOf(coordinator, "CRACK_KITS")).toBe(15);

    // The same step again — as if re-sent, or made by a colleague who had the old screen — is refused.
    const again = await step(worker, requested.id, "DELIVERED", 3);
    expect(again.data?.transitionMaterialDelivery).toMatchObject({
      __typename: "InvalidTransitionError",
      code: "INVALID_TRANSITION",
      message: "Ce changement d'état n'est pas possible à cette étape.",
    });
    const stale = await step(worker, requested.id, "DELIVERED", 2);
    expect(stale.data?.transitionMaterialDelivery.code).toBe("CONFLICT");
    const cancelled = await step(worker, requested.id, "CANCELLED", 3);
    expect(cancelled.data?.transitionMaterialDelivery.code).toBe("INVALID_TRANSITION");
    expect(await stockOf(coordinator, "NALOXONE_KITS")).toBe(37);
    expect(await stockOf(coordinator, "CRACK_KITS")).toBe(15);

    // One encounter, in person, for the person, with the items handed out.
    const id = requested.id as string;
    const rawId = Buffer.from(id, "base64").toString().split(":")[1];
    // Row-level security, the last line: a closed delivery does not move, even in SQL.
    const reopened = await queryAsViewer(
      world.pool,
      { userId: world.owner.users.worker.id, organisationId: world.owner.id, roles: ["OUTREACH_WORKER"] },
      "UPDATE material_deliveries SET status = 'SCHEDULED', encounter_id = NULL WHERE id = $1 RETURNING id",
      [rawId],
    );
    expect(reopened).toEqual([]);
    const { rows: encounters } = await world.pool.query(
      `SELECT e.channel, e.place_type, e.person_id, e.author_id, e.co_worker_ids::text[] AS co_workers,
              (SELECT array_agg(m.item || ':' || m.quantity ORDER BY m.item) FROM encounter_materials m
                WHERE m.encounter_id = e.id)::text[] AS items
         FROM encounters e JOIN material_deliveries d ON d.encounter_id = e.id WHERE d.id = $1`,
      [rawId],
    );
    expect(encounters).toEqual([
      {
        channel: "IN_PERSON",
        place_type: "PUBLIC_PLACE",
        person_id: world.person.id,
        author_id: world.owner.users.coordinator.id,
        co_workers: [world.owner.users.worker.id],
        items: ["CRACK_KITS:10", "NALOXONE_KITS:3"],
      },
    ]);

    // Every step: who and when, in order.
    const { rows: steps } = await world.pool.query(
      `SELECT from_status, to_status, by_user_id, at FROM material_delivery_transitions
        WHERE delivery_id = $1 ORDER BY at, id`,
      [rawId],
    );
    expect(steps.map((s) => [s.from_status, s.to_status, s.by_user_id])).toEqual([
      [null, "REQUESTED", world.owner.users.worker.id],
      ["REQUESTED", "SCHEDULED", world.owner.users.worker.id],
      ["SCHEDULED", "DELIVERED", world.owner.users.coordinator.id],
    ]);
    for (const s of steps) expect(s.at).toBeInstanceOf(Date);
    const names = delivered.transitions.map((s: { byName: string }) => s.byName);
    expect(names).toEqual([
      world.owner.users.worker.displayName,
      world.owner.users.worker.displayName,
      world.owner.users.coordinator.displayName,
    ]);
    expect(new Date(delivered.transitions[2].at).getTime()).toBeGreaterThanOrEqual(
      new Date(delivered.transitions[0].at).getTime(),
    );
  });

  it("not reached and cancelled hand nothing out; an anonymous request goes straight to its end", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    await coordinator.request<any>(stock, {
      input: { item: "PREGNANCY_TESTS", onHand: 12, lowThreshold: 2 },
    });
    const worker = await world.signIn(world.owner.users.worker);
    const ask = async () =>
      (
        await worker.request<any>(request, {
          input: { items: [{ item: "PREGNANCY_TESTS", quantity: 2 }], place: "au parc" },
        })
      ).data?.requestMaterialDelivery.delivery;
    const first = await ask();
    expect(first).toMatchObject({
      anonymousGender: "UNDISCLOSED",
      anonymousAgeBracket: "UNKNOWN",
      person: null,
    });
    const notReached = await step(worker, first.id, "NOT_REACHED", 1);
    expect(notReached.data?.transitionMaterialDelivery.delivery).toMatchObject({ status: "NOT_REACHED" });
    const second = await ask();
    await step(worker, second.id, "SCHEDULED", 1);
    const cancelled = await step(worker, second.id, "CANCELLED", 2);
    expect(cancelled.data?.transitionMaterialDelivery.delivery).toMatchObject({
      status: "CANCELLED",
      encounterId: null,
    });
    expect(await stockOf(coordinator, "PREGNANCY_TESTS")).toBe(12);
    // Straight from requested to delivered, with what was actually handed out.
    const third = await ask();
    const delivered = await step(worker, third.id, "DELIVERED", 1, {
      items: [{ item: "PREGNANCY_TESTS", quantity: 1 }],
    });
    expect(delivered.data?.transitionMaterialDelivery.delivery.status).toBe("DELIVERED");
    expect(await stockOf(coordinator, "PREGNANCY_TESTS")).toBe(11);
    const { rows } = await world.pool.query(
      `SELECT e.anonymous_gender, e.anonymous_age_bracket, e.person_id FROM encounters e
         JOIN material_deliveries d ON d.encounter_id = e.id WHERE d.organisation_id = $1 AND d.place_type = 'PUBLIC_PLACE'
          AND e.person_id IS NULL`,
      [world.owner.id],
    );
    expect(rows).toEqual([
      { anonymous_gender: "UNDISCLOSED", anonymous_age_bracket: "UNKNOWN", person_id: null },
    ]);
    // The open list holds none of them any more; the closed list holds them, the latest first.
    const lists = await worker.request<any>(
      `{ open: materialDeliveries(first: 50) { edges { node { id } } }
         closed: materialDeliveries(first: 50, view: CLOSED) { edges { node { id status } } } }`,
    );
    const openIds = lists.data?.open.edges.map((e: { node: { id: string } }) => e.node.id);
    for (const closed of [first, second, third]) expect(openIds).not.toContain(closed.id);
    expect(
      lists.data?.closed.edges.slice(0, 3).map((e: { node: { status: string } }) => e.node.status),
    ).toEqual(["DELIVERED", "CANCELLED", "NOT_REACHED"]);
  });

  it("two members delivering at once: one succeeds, the stock decreases once", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    await coordinator.request<any>(stock, { input: { item: "HYGIENE_KITS", onHand: 9, lowThreshold: 1 } });
    const worker = await world.signIn(world.owner.users.worker);
    const asked = (
      await worker.request<any>(request, {
        input: { items: [{ item: "HYGIENE_KITS", quantity: 4 }], place: "gare" },
      })
    ).data?.requestMaterialDelivery.delivery;
    const answers = await Promise.all([
      step(worker, asked.id, "DELIVERED", 1),
      step(coordinator, asked.id, "DELIVERED", 1),
    ]);
    const outcomes = answers.map((a) => a.data?.transitionMaterialDelivery.__typename).sort();
    expect(outcomes).toEqual(["ConflictError", "TransitionMaterialDeliverySuccess"]);
    expect(await stockOf(coordinator, "HYGIENE_KITS")).toBe(5);
    const { rows } = await world.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM encounter_materials m JOIN encounters e ON e.id = m.encounter_id
        WHERE e.organisation_id = $1 AND m.item = 'HYGIENE_KITS'`,
      [world.owner.id],
    );
    expect(onlyRow(rows).n).toBe(1);
  });

  it("a step re-sent with its idempotency key is answered again, not made twice", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const asked = (
      await worker.request<any>(request, {
        input: { items: [{ item: "LUBRICANT", quantity: 2 }], timeWindow: "ce soir" },
      })
    ).data?.requestMaterialDelivery.delivery;
    const headers = { "idempotency-key": randomUUID() };
    const variables = { input: { deliveryId: asked.id, to: "DELIVERED", expectedVersion: 1 } };
    const first = await worker.request<any>(transition, variables, { headers });
    const again = await worker.request<any>(transition, variables, { headers });
    expect(first.data?.transitionMaterialDelivery.delivery.status).toBe("DELIVERED");
    expect(again.data).toEqual(first.data);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("bad input", () => {
  it("is refused with a translated error and writes nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const english = await signedInIn("en", world.owner.users.worker);
    const before = await deliveryRows();
    const refused = async (client: TestClient, input: Record<string, unknown>) =>
      (await client.request<any>(request, { input })).data?.requestMaterialDelivery;

    const zero = await refused(worker, { items: [{ item: "CONDOMS", quantity: 0 }] });
    expect(zero).toMatchObject({
      code: "INPUT_VALIDATION",
      fields: [{ path: "items.0.quantity", code: "TOO_SMALL", message: "Cette valeur est trop petite." }],
    });
    const negative = await refused(english, { items: [{ item: "CONDOMS", quantity: -5 }] });
    expect(negative.fields).toEqual([
      { path: "items.0.quantity", code: "TOO_SMALL", message: "This value is too small." },
    ]);
    const none = await refused(worker, { items: [] });
    expect(none.fields).toEqual([expect.objectContaining({ path: "items", code: "TOO_SHORT" })]);
    const twice = await refused(worker, {
      items: [
        { item: "CONDOMS", quantity: 1 },
        { item: "CONDOMS", quantity: 2 },
      ],
    });
    expect(twice.code).toBe("INPUT_VALIDATION");
    const unknown = await refused(worker, { items: [{ item: "GOLD_BARS", quantity: 1 }] });
    expect(unknown.fields).toEqual([
      { path: "items.0.item", code: "NOT_FOUND", message: "Cet élément est introuvable." },
    ]);
    const service = await refused(worker, { items: [{ item: "MEAL", quantity: 1 }] });
    expect(service.fields).toEqual([expect.objectContaining({ path: "items.0.item", code: "WRONG_LIST" })]);

    const coordinator = await world.signIn(world.owner.users.coordinator);
    const retire = await coordinator.request<any>(
      `mutation { retireCatalogueEntry(input: { code: "FOOD_VOUCHERS" }) { __typename } }`,
    );
    expect(retire.data?.retireCatalogueEntry.__typename).toBe("RetireCatalogueEntrySuccess");
    const retired = await refused(english, { items: [{ item: "FOOD_VOUCHERS", quantity: 1 }] });
    expect(retired.fields).toEqual([
      {
        path: "items.0.item",
        code: "RETIRED",
        message: "This catalogue entry is retired: choose another one, or bring it back into use.",
      },
    ]);
    // Assigned to someone who does not bring deliveries: a nurse, a partner's worker.
    for (const member of [world.owner.users.nurse, world.partner.users.worker]) {
      const wrong = await refused(worker, {
        items: [{ item: "CONDOMS", quantity: 1 }],
        assignedToId: member.id,
      });
      expect(wrong.fields).toEqual([expect.objectContaining({ path: "assignedToId", code: "NOT_FOUND" })]);
    }
    const tooLong = await refused(worker, {
      items: [{ item: "CONDOMS", quantity: 1 }],
      place: "x".repeat(301),
    });
    expect(tooLong.fields).toEqual([expect.objectContaining({ path: "place", code: "TOO_LONG" })]);
    expect(await deliveryRows()).toBe(before);

    // A transition that is not allowed, and one that names items it cannot hand out.
    const asked = (
      await worker.request<any>(request, {
        input: { items: [{ item: "CONDOMS", quantity: 5 }], place: "coin" },
      })
    ).data?.requestMaterialDelivery.delivery;
    const afterRequest = await deliveryRows();
    const back = await step(english, asked.id, "REQUESTED", 1);
    expect(back.data?.transitionMaterialDelivery).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "This change of status is not possible at this stage.",
    });
    const itemsWhenScheduling = await step(worker, asked.id, "SCHEDULED", 1, {
      items: [{ item: "CONDOMS", quantity: 5 }],
    });
    expect(itemsWhenScheduling.data?.transitionMaterialDelivery.fields).toEqual([
      expect.objectContaining({ path: "items", code: "INVALID_VALUE" }),
    ]);
    const zeroHandedOut = await step(worker, asked.id, "DELIVERED", 1, {
      items: [{ item: "CONDOMS", quantity: 0 }],
    });
    expect(zeroHandedOut.data?.transitionMaterialDelivery.code).toBe("INPUT_VALIDATION");
    const retiredHandedOut = await step(worker, asked.id, "DELIVERED", 1, {
      items: [{ item: "FOOD_VOUCHERS", quantity: 1 }],
    });
    expect(retiredHandedOut.data?.transitionMaterialDelivery.fields).toEqual([
      expect.objectContaining({ path: "items.0.item", code: "RETIRED" }),
    ]);
    const future = await step(worker, asked.id, "DELIVERED", 1, {
      at: new Date(Date.now() + 3 * 86_400_000),
    });
    expect(future.data?.transitionMaterialDelivery.fields).toEqual([
      expect.objectContaining({ path: "at", code: "IN_THE_FUTURE" }),
    ]);
    expect(await deliveryRows()).toBe(afterRequest);
    await coordinator.request<any>(
      `mutation { restoreCatalogueEntry(input: { code: "FOOD_VOUCHERS" }) { __typename } }`,
    );
  });
});

describe("a past delivery, entered from the records (issue 16)", () => {
  it("is requested and delivered on its own dates, its encounter dated then; before the start date, refused", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const requested = await worker.request<any>(request, {
      input: {
        anonymous: { gender: "WOMAN", ageBracket: "AGE_26_35" },
        items: [{ item: "CONDOMS", quantity: 6 }],
        requestedAt: "2021-03-02T15:00:00Z",
      },
    });
    const asked = requested.data?.requestMaterialDelivery.delivery;
    expect(asked.transitions).toEqual([
      expect.objectContaining({ toStatus: "REQUESTED", at: "2021-03-02T15:00:00.000Z" }),
    ]);
    // Not before it was asked for.
    const early = await step(worker, asked.id, "DELIVERED", 1, { at: new Date("2021-03-01T15:00:00Z") });
    expect(early.data?.transitionMaterialDelivery.fields).toEqual([
      expect.objectContaining({ path: "at", code: "BEFORE_START" }),
    ]);
    const delivered = await step(worker, asked.id, "DELIVERED", 1, { at: new Date("2021-03-03T20:00:00Z") });
    const done = delivered.data?.transitionMaterialDelivery.delivery;
    expect(done.status).toBe("DELIVERED");
    const encounter = await worker.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on Encounter { occurredAt lateEntry } } }`,
      { id: done.encounterId },
    );
    expect(encounter.data?.node).toEqual({ occurredAt: "2021-03-03T20:00:00.000Z", lateEntry: true });

    const before = await deliveryRows();
    const tooEarly = await worker.request<any>(request, {
      input: { items: [{ item: "CONDOMS", quantity: 1 }], requestedAt: "1999-12-31T15:00:00Z" },
    });
    expect(tooEarly.data?.requestMaterialDelivery.fields).toEqual([
      {
        path: "requestedAt",
        code: "BEFORE_ORGANISATION_START",
        message:
          "Cette date est trop ancienne : au plus tôt le 1 janvier 2000, date de début de l'organisme (dans ses réglages).",
      },
    ]);
    expect(await deliveryRows()).toBe(before);
  });
});

describe("who sees deliveries", () => {
  it("a partner (even consented for everything), an unrelated organisation, a nurse and an admin see nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const asked = (
      await worker.request<any>(request, {
        input: {
          personId: world.person.globalId,
          items: [{ item: "CONDOMS", quantity: 12 }],
          place: "porte arrière, sonner deux fois",
          timeWindow: "vendredi midi",
        },
      })
    ).data?.requestMaterialDelivery.delivery;
    const rawId = Buffer.from(asked.id, "base64").toString().split(":")[1];
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
       VALUES ($1, $2, $3, '{PROFILE,ENCOUNTERS_SUMMARY,ACCOMPANIMENTS,REFERRALS,NURSE_VISIT_LOGISTICS}', $4)`,
      [world.owner.id, world.person.id, world.partner.id, world.owner.users.worker.id],
    );
    const outsiders = [
      { user: world.partner.users.worker, organisationId: world.partner.id, roles: ["OUTREACH_WORKER"] },
      { user: world.partner.users.coordinator, organisationId: world.partner.id, roles: ["COORDINATOR"] },
      { user: world.unrelated.users.coordinator, organisationId: world.unrelated.id, roles: ["COORDINATOR"] },
      { user: world.owner.users.nurse, organisationId: world.owner.id, roles: ["NURSE"] },
      { user: world.owner.users.admin, organisationId: world.owner.id, roles: ["ORG_ADMIN"] },
    ] as const;
    for (const outsider of outsiders) {
      const client = await world.signIn(outsider.user);
      const seen = await client.request<any>(
        `query ($id: ID!) { node(id: $id) { id } materialDeliveries(first: 10) { edges { node { id } } } }`,
        { id: asked.id },
      );
      expect(seen.data?.node ?? null).toBeNull();
      expect(seen.data?.materialDeliveries?.edges ?? []).toEqual([]);
      const moved = await step(client, asked.id, "CANCELLED", 1);
      expect(moved.data?.transitionMaterialDelivery?.code ?? moved.errors?.[0]?.extensions?.code).toBe(
        "NOT_FOUND",
      );
      // The partner sees the person's profile, and no delivery through her.
      const person = await client.request<any>(`query ($id: ID!) { node(id: $id) { id } }`, {
        id: world.person.globalId,
      });
      expect(person.status).toBe(200);
      for (const table of [
        "material_deliveries WHERE id = $1",
        "material_delivery_items WHERE delivery_id = $1",
        "material_delivery_places WHERE delivery_id = $1",
        "material_delivery_transitions WHERE delivery_id = $1",
      ]) {
        const rows = await queryAsViewer(
          world.pool,
          { userId: outsider.user.id, organisationId: outsider.organisationId, roles: [...outsider.roles] },
          `SELECT 1 FROM ${table}`,
          [rawId],
        );
        expect(rows).toEqual([]);
      }
    }
    const status = await world.pool.query("SELECT status FROM material_deliveries WHERE id = $1", [rawId]);
    expect(status.rows).toEqual([{ status: "REQUESTED" }]);
    // The team's own coordinator reads it, window and place included.
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const own = await coordinator.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on MaterialDelivery { place timeWindow } } }`,
      { id: asked.id },
    );
    expect(own.data?.node).toEqual({ place: "porte arrière, sonner deux fois", timeWindow: "vendredi midi" });
  });

  it("a restricted team shows a worker her own deliveries and her caseload's, not a colleague's", async () => {
    const organisation = await createOrganisation(world.pool, { name: "Ligne restreinte" });
    await world.pool.query("UPDATE organisations SET restrict_team_visibility = true WHERE id = $1", [
      organisation.id,
    ]);
    const member = (roles: ("OUTREACH_WORKER" | "COORDINATOR")[]) =>
      createUser(world.pool, { memberships: [{ organisationId: organisation.id, roles }] });
    const mine = await member(["OUTREACH_WORKER"]);
    const colleague = await member(["OUTREACH_WORKER"]);
    const lead = await member(["COORDINATOR"]);
    const asColleague = await world.signIn(colleague);
    const theirs = (
      await asColleague.request<any>(request, {
        input: { items: [{ item: "CONDOMS", quantity: 1 }], place: "x" },
      })
    ).data?.requestMaterialDelivery.delivery;
    const forMe = (
      await asColleague.request<any>(request, {
        input: { items: [{ item: "CONDOMS", quantity: 2 }], place: "y", assignedToId: mine.id },
      })
    ).data?.requestMaterialDelivery.delivery;
    const list = (client: TestClient) =>
      client
        .request<any>("{ materialDeliveries(first: 10) { edges { node { id } } } }")
        .then((r) => r.data?.materialDeliveries.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(await list(await world.signIn(mine))).toEqual([forMe.id]);
    expect(new Set(await list(await world.signIn(lead)))).toEqual(new Set([theirs.id, forMe.id]));
  });
});

describe("merging two files", () => {
  it("moves the merged file's delivery requests to the kept file", async () => {
    const keep = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Livraison A" });
    const dup = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Livraison B" });
    const worker = await world.signIn(world.owner.users.worker);
    const asked = (
      await worker.request<any>(request, {
        input: {
          personId: encodeGlobalID("Person", dup.id),
          items: [{ item: "CONDOMS", quantity: 4 }],
          place: "ici",
        },
      })
    ).data?.requestMaterialDelivery.delivery;
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const merged = await coordinator.request<any>(
      `mutation ($input: MergePersonsInput!) { mergePersons(input: $input) { __typename } }`,
      { input: { keepId: encodeGlobalID("Person", keep.id), mergeId: encodeGlobalID("Person", dup.id) } },
    );
    expect(merged.data?.mergePersons.__typename).toBe("MergePersonsSuccess");
    const moved = await worker.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on MaterialDelivery { person { alias } } } }`,
      { id: asked.id },
    );
    expect(moved.data?.node.person).toEqual({ alias: "Livraison A" });
  });
});

describe("the line's encounters", () => {
  it("phone, SMS, online platform and video, with the platform named, are counted in the organisation's dashboard", async () => {
    const organisation = await createOrganisation(world.pool, { name: "Ligne d'écoute" });
    const worker = await createUser(world.pool, {
      memberships: [{ organisationId: organisation.id, roles: ["OUTREACH_WORKER"] }],
    });
    const lead = await createUser(world.pool, {
      memberships: [{ organisationId: organisation.id, roles: ["COORDINATOR"] }],
    });
    const client = await world.signIn(worker);
    const record = `mutation ($input: RecordEncounterInput!) {
      recordEncounter(input: $input) {
        __typename
        ... on RecordEncounterSuccess { encounter { channel placeType platform platformLabel } }
        ... on AppError { code }
      }
    }`;
    const anonymous = { gender: "UNDISCLOSED", ageBracket: "UNKNOWN", headCount: 1 };
    const calls = [
      { channel: "PHONE", placeType: "OFFICE", themes: ["SEXUALITY"] },
      { channel: "PHONE", placeType: "OFFICE", themes: ["SUBSTANCE_USE"] },
      { channel: "SMS", placeType: "OFFICE", themes: [] },
      { channel: "ONLINE_PLATFORM", placeType: "ONLINE", platform: "LEOLIST", themes: ["VIOLENCE"] },
      { channel: "VIDEO", placeType: "ONLINE", platform: "WHATSAPP", themes: [] },
      { channel: "VIDEO", placeType: "ONLINE", platform: "ZOOM", themes: ["MENTAL_HEALTH"] },
    ];
    for (const call of calls) {
      const answer = await client.request<any>(record, { input: { anonymous, ...call } });
      expect(answer.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
    }
    const video = await client.request<any>(record, {
      input: { anonymous, channel: "VIDEO", placeType: "ONLINE", platform: "WHATSAPP" },
    });
    expect(video.data?.recordEncounter.encounter).toEqual({
      channel: "VIDEO",
      placeType: "ONLINE",
      platform: "WHATSAPP",
      platformLabel: "WhatsApp",
    });
    // A platform code of another list is refused.
    const wrong = await client.request<any>(record, {
      input: { anonymous, channel: "ONLINE_PLATFORM", placeType: "ONLINE", platform: "CONDOMS" },
    });
    expect(wrong.data?.recordEncounter.code).toBe("INPUT_VALIDATION");

    const coordinator = await world.signIn(lead);
    const fiscalYear = fiscalYearOf(new Date(), { timeZone: "America/Toronto", fiscalYearStartMonth: 4 });
    const counted = await readOrganisation(coordinator, { fiscalYear });
    expect(figure(counted, "encounters").value).toBe(7);
    const byChannel = table(counted, "encountersByChannel");
    expect(nonZero(byChannel)).toEqual({ PHONE: 2, SMS: 1, ONLINE_PLATFORM: 1, VIDEO: 3 });
    expect(byChannel.denominatorCount).toBe(7);
    expect(nonZero(table(counted, "encountersByPlaceType"))).toEqual({ OFFICE: 3, ONLINE: 4 });
    const byPlatform = table(counted, "encountersByPlatform");
    expect(nonZero(byPlatform)).toEqual({ LEOLIST: 1, WHATSAPP: 2, ZOOM: 1 });
    expect(byPlatform.cells.find((cell) => cell.key === "LEOLIST")?.label).toBe("LeoList");
  });
});
