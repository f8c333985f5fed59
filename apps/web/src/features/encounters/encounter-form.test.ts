import { describe, expect, it } from "vitest";
import {
  editedEncounterValues,
  encounterForm,
  encounterInput,
  newEncounterValues,
  queuedEncounterValues,
} from "./encounter-form.ts";

const zone = "America/Toronto";
const fresh = newEncounterValues({ channel: "IN_PERSON", placeType: "WORKPLACE", venueId: null }, null);
const madeAt = new Date("2026-12-02T15:00:00.000Z");

describe("the encounter form's moment", () => {
  it("is the moment the entry is made until the worker changes it", () => {
    const values = encounterForm.parse(fresh);
    expect(encounterInput(values, zone, madeAt).occurredAt).toBe(madeAt.toISOString());
  });

  it("is the day and time chosen, read in the organisation's zone", () => {
    const values = encounterForm.parse({
      ...fresh,
      earlier: true,
      occurredOn: "2026-12-01",
      occurredTime: "21:30",
    });
    expect(encounterInput(values, zone, madeAt).occurredAt).toBe("2026-12-02T02:30:00.000Z");
    expect(encounterInput(values, "Europe/Brussels", madeAt).occurredAt).toBe("2026-12-01T20:30:00.000Z");
  });

  it("asks for a day and a time once changed", () => {
    const result = encounterForm.safeParse({ ...fresh, earlier: true, occurredOn: "", occurredTime: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("occurredOn");
  });

  it("puts an edited or a queued entry's moment back in the boxes, in the zone", () => {
    const edited = editedEncounterValues(
      {
        id: "e",
        occurredAt: "2023-06-15T18:00:00.000Z",
        channel: "PHONE",
        placeType: "OFFICE",
        themes: [],
        headCount: 1,
        note: null,
        venueId: null,
        platform: null,
        anonymousGender: "WOMAN",
        anonymousAgeBracket: "UNKNOWN",
        person: null,
        materials: [],
        services: [],
      } as unknown as Parameters<typeof editedEncounterValues>[0],
      zone,
    );
    expect(edited).toMatchObject({ earlier: true, occurredOn: "2023-06-15", occurredTime: "14:00" });
    const queued = queuedEncounterValues(
      { channel: "PHONE", placeType: "OFFICE", occurredAt: "2026-12-02T02:30:00.000Z" },
      "Maëlle",
      zone,
    );
    expect(queued).toMatchObject({ earlier: true, occurredOn: "2026-12-01", occurredTime: "21:30" });
  });
});

describe("where the person stands", () => {
  const person = { id: "UGVyc29uOjE=", alias: "Maëlle" };

  it("is sent for a person, never for an anonymous contact", () => {
    const withPerson = encounterForm.parse({
      ...newEncounterValues({ channel: "IN_PERSON", placeType: "WORKPLACE", venueId: null }, person),
      outcomes: ["LEFT_TRADE"],
    });
    expect(encounterInput(withPerson, zone, madeAt)).toMatchObject({
      personId: person.id,
      outcomes: ["LEFT_TRADE"],
    });
    // Ticked, then the contact switched to anonymous: not sent (the API would refuse it).
    const anonymous = encounterForm.parse({ ...fresh, outcomes: ["REACHED_GOAL"] });
    expect(encounterInput(anonymous, zone, madeAt)).toMatchObject({ personId: null, outcomes: [] });
  });

  it("starts empty, and comes back with an edited or a queued entry", () => {
    expect(fresh.outcomes).toEqual([]);
    const queued = queuedEncounterValues(
      { personId: person.id, channel: "PHONE", placeType: "OFFICE", outcomes: ["REACHED_GOAL"] },
      person.alias,
      zone,
    );
    expect(queued.outcomes).toEqual(["REACHED_GOAL"]);
    const edited = editedEncounterValues(
      {
        id: "e",
        occurredAt: "2023-06-15T18:00:00.000Z",
        channel: "PHONE",
        placeType: "OFFICE",
        themes: [],
        outcomes: ["LEFT_TRADE"],
        headCount: 1,
        person,
        materials: [],
        services: [],
      } as unknown as Parameters<typeof editedEncounterValues>[0],
      zone,
    );
    expect(edited.outcomes).toEqual(["LEFT_TRADE"]);
  });
});
