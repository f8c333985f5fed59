import { recordEncounterInput } from "@maillage/domain/inputs";
import { describe, expect, it } from "vitest";
import { lineEncounterInput, lineForm, newLineValues, nextLineValues } from "./line-form.ts";

const madeAt = new Date("2026-12-02T22:15:00Z");

describe("the line's quick entry", () => {
  it("sends an anonymous phone call from the office, nothing said of the caller", () => {
    const values = lineForm.parse({ ...newLineValues(), themes: ["SEXUALITY"] });
    const input = lineEncounterInput(values, madeAt);
    expect(input).toMatchObject({
      personId: null,
      anonymous: { gender: "UNDISCLOSED", ageBracket: "UNKNOWN", headCount: 1 },
      channel: "PHONE",
      placeType: "OFFICE",
      platform: null,
      themes: ["SEXUALITY"],
      occurredAt: "2026-12-02T22:15:00.000Z",
    });
    // The API's own schema takes it as it is.
    expect(recordEncounterInput.safeParse({ ...input, occurredAt: madeAt }).success).toBe(true);
  });

  it("names the platform online and on video only, online", () => {
    const video = lineEncounterInput(lineForm.parse(newLineValues("VIDEO", "WHATSAPP")), madeAt);
    expect(video).toMatchObject({ channel: "VIDEO", placeType: "ONLINE", platform: "WHATSAPP" });
    const text = lineEncounterInput(
      lineForm.parse({ ...newLineValues("SMS"), platform: "WHATSAPP" }),
      madeAt,
    );
    expect(text).toMatchObject({ channel: "SMS", placeType: "OFFICE", platform: null });
  });

  it("sends a known person by her id, and asks for one when none is picked", () => {
    const known = {
      ...newLineValues(),
      contact: "PERSON" as const,
      person: { id: "UGVyc29uOjE=", alias: "Maëlle" },
    };
    expect(lineEncounterInput(lineForm.parse(known), madeAt)).toMatchObject({
      personId: "UGVyc29uOjE=",
      anonymous: null,
    });
    const missing = lineForm.safeParse({ ...newLineValues(), contact: "PERSON" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["person"]);
  });

  it("keeps the channel and platform for the next call, and nothing else", () => {
    const saved = {
      ...newLineValues("ONLINE_PLATFORM", "LEOLIST"),
      gender: "WOMAN" as const,
      themes: ["VIOLENCE" as const],
      note: "rappeler",
    };
    expect(nextLineValues(saved)).toEqual(newLineValues("ONLINE_PLATFORM", "LEOLIST"));
  });
});
