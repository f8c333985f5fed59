import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();

describe("accompaniments", () => {
  it("plans one, lists it in my week, closes it with an outcome once", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const plannedAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const planned = await worker.request<any>(
      `mutation ($input: PlanAccompanimentInput!) {
        planAccompaniment(input: $input) { __typename ... on PlanAccompanimentSuccess { accompaniment { id status destination partnerOrganisation { name } } } ... on InputValidationError { fields { path code } } }
      }`,
      {
        input: {
          personId: world.person.globalId,
          destination: "COURT",
          plannedAt,
          partnerOrganisationId: world.partner.globalId,
        },
      },
    );
    const accompaniment = planned.data?.planAccompaniment.accompaniment;
    expect(accompaniment).toMatchObject({
      status: "PLANNED",
      destination: "COURT",
      partnerOrganisation: { name: "Organisme partenaire" },
    });
    const week = await worker.request<any>(
      `query ($from: DateTime!, $to: DateTime!) { myAccompaniments(from: $from, to: $to) { id } }`,
      { from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    );
    expect(week.data?.myAccompaniments.map((a: any) => a.id)).toContain(accompaniment.id);
    const close = `mutation ($input: CloseAccompanimentInput!) {
      closeAccompaniment(input: $input) { __typename ... on CloseAccompanimentSuccess { accompaniment { status outcome } } ... on InputValidationError { fields { path code } } }
    }`;
    const closed = await worker.request<any>(close, {
      input: { id: accompaniment.id, status: "DONE", outcome: "Audience reportée" },
    });
    expect(closed.data?.closeAccompaniment.accompaniment).toEqual({
      status: "DONE",
      outcome: "Audience reportée",
    });
    const again = await worker.request<any>(close, { input: { id: accompaniment.id, status: "NO_SHOW" } });
    expect(again.data?.closeAccompaniment.fields).toEqual([{ path: "status", code: "INVALID_VALUE" }]);
    const bad = await worker.request<any>(
      `mutation ($input: PlanAccompanimentInput!) { planAccompaniment(input: $input) { __typename ... on InputValidationError { fields { path code } } } }`,
      // Five years ahead, past any planning horizon, whatever the day the test runs.
      {
        input: {
          personId: world.person.globalId,
          destination: "COURT",
          plannedAt: new Date(Date.now() + 5 * 365 * 86_400_000).toISOString(),
        },
      },
    );
    expect(bad.data?.planAccompaniment.fields).toEqual([{ path: "plannedAt", code: "TOO_FAR_IN_FUTURE" }]);
    // One done years ago, entered from the records: back to the organisation's start date (1
    // January 2000 until its coordinators set one), marked late; before it, refused with the rule.
    const plan = `mutation ($input: PlanAccompanimentInput!) { planAccompaniment(input: $input) {
      __typename
      ... on PlanAccompanimentSuccess { accompaniment { plannedAt lateEntry enteredAt } }
      ... on InputValidationError { fields { path code limit } }
    } }`;
    const past = await worker.request<any>(plan, {
      input: { personId: world.person.globalId, destination: "HOUSING", plannedAt: "2021-05-10T14:00:00Z" },
    });
    expect(past.data?.planAccompaniment.accompaniment).toMatchObject({
      plannedAt: "2021-05-10T14:00:00.000Z",
      lateEntry: true,
    });
    expect(past.data?.planAccompaniment.accompaniment.enteredAt).toEqual(expect.any(String));
    const tooEarly = await worker.request<any>(plan, {
      input: { personId: world.person.globalId, destination: "HOUSING", plannedAt: "1999-12-31T14:00:00Z" },
    });
    expect(tooEarly.data?.planAccompaniment.fields).toEqual([
      { path: "plannedAt", code: "BEFORE_ORGANISATION_START", limit: "2000-01-01" },
    ]);
  });
});
