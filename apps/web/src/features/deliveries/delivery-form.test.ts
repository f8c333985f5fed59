import { requestMaterialDeliveryInput } from "@maillage/domain/inputs";
import { describe, expect, it } from "vitest";
import {
  deliveryFieldOf,
  deliveryForm,
  deliveryInput,
  newDeliveryValues,
  transitionInput,
} from "./delivery-form.ts";

const me = "0b6f4b8e-4f3a-4d39-9d0e-3a9a1c1f2b11";
const order = ["CONDOMS", "LUBRICANT", "NALOXONE_KITS"];

describe("the delivery request form", () => {
  it("sends an anonymous request with its items in the catalogue's order, the API's schema agreeing", () => {
    const values = deliveryForm.parse({
      ...newDeliveryValues(me),
      quantities: { NALOXONE_KITS: 2, CONDOMS: 20, LUBRICANT: 0 },
      place: "derrière le dépanneur",
    });
    const input = deliveryInput(values, order);
    expect(input).toEqual({
      personId: null,
      anonymous: { gender: "UNDISCLOSED", ageBracket: "UNKNOWN" },
      items: [
        { item: "CONDOMS", quantity: 20 },
        { item: "NALOXONE_KITS", quantity: 2 },
      ],
      timeWindow: null,
      place: "derrière le dépanneur",
      placeType: "PUBLIC_PLACE",
      assignedToId: me,
    });
    expect(requestMaterialDeliveryInput.safeParse(input).success).toBe(true);
  });

  it("asks for at least one item, and for the person when known is chosen", () => {
    const empty = deliveryForm.safeParse({ ...newDeliveryValues(me), contact: "PERSON" });
    expect(empty.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["person", "quantities"]);
  });

  it("puts the API's problems on their fields", () => {
    expect(deliveryFieldOf("items.0.quantity")).toBe("quantities");
    expect(deliveryFieldOf("personId")).toBe("person");
    expect(deliveryFieldOf("place")).toBe("place");
    expect(deliveryFieldOf("somethingElse")).toBeNull();
  });

  it("sends a step with the version seen and the moment it was tapped", () => {
    const at = new Date("2026-12-02T23:00:00Z");
    expect(transitionInput({ id: "TWF0ZXJpYWxEZWxpdmVyeTox", version: 2 }, "DELIVERED", at)).toEqual({
      deliveryId: "TWF0ZXJpYWxEZWxpdmVyeTox",
      to: "DELIVERED",
      expectedVersion: 2,
      at: "2026-12-02T23:00:00.000Z",
    });
  });
});
