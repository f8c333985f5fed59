// The workshop input the API validates with and the web's form checks first: what a person
// typing it is told, in both languages.
import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors.ts";
import { fieldErrorCodeOf, fieldPathOf } from "./field-problems.ts";
import { recordWorkshopInput } from "./workshops.ts";

const valid = {
  kind: "WORKSHOP",
  topic: "SEXUAL_HEALTH",
  audience: "YOUTH_CENTRE",
  place: "Maison des jeunes",
  heldOn: new Date("2026-03-04T00:00:00Z"),
  participants: 12,
  requestedBy: "Maison des jeunes",
  facilitatorIds: ["7f0c5a52-2d8e-4f8e-9d43-3b0d6b1c2a10"],
};

function problems(input: Record<string, unknown>) {
  const result = recordWorkshopInput.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => {
        const code = fieldErrorCodeOf(issue);
        return `${fieldPathOf(issue)} ${code}: ${fieldErrorMessage("fr", code)} / ${fieldErrorMessage("en", code)}`;
      });
}

describe("recordWorkshopInput", () => {
  it("takes a workshop with a count of participants", () => {
    expect(problems(valid)).toEqual([]);
  });

  it("says what is wrong: no one, a negative count, no date, an unknown topic", () => {
    expect(problems({ ...valid, participants: 0 })).toEqual([
      "participants TOO_SMALL: Cette valeur est trop petite. / This value is too small.",
    ]);
    expect(problems({ ...valid, participants: -4 })).toEqual([
      "participants TOO_SMALL: Cette valeur est trop petite. / This value is too small.",
    ]);
    expect(problems({ ...valid, participants: 5001 })).toEqual([
      "participants TOO_LARGE: Cette valeur est trop grande. / This value is too large.",
    ]);
    expect(problems({ ...valid, heldOn: undefined })).toEqual([
      "heldOn REQUIRED: Ce champ est obligatoire. / This field is required.",
    ]);
    expect(problems({ ...valid, topic: "ASTROLOGY" })).toEqual([
      "topic INVALID_VALUE: Cette valeur n'est pas permise. / This value is not allowed.",
    ]);
    expect(problems({ ...valid, place: "  " })).toEqual([
      "place REQUIRED: Ce champ est obligatoire. / This field is required.",
    ]);
    // No facilitator: the list's code (the web's form words it for the list: "choose someone").
    const noOne = recordWorkshopInput.safeParse({ ...valid, facilitatorIds: [] });
    expect(noOne.error?.issues.map((issue) => `${fieldPathOf(issue)} ${fieldErrorCodeOf(issue)}`)).toEqual([
      "facilitatorIds TOO_SHORT",
    ]);
  });
});
