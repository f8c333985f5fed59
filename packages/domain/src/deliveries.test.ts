import { describe, expect, it } from "vitest";
import {
  deliveryIsOpen,
  deliveryStatuses,
  deliveryTransitions,
  mayTransitionDelivery,
  transitionHandsOut,
  transitionNeedsConfirmation,
} from "./deliveries.ts";

describe("delivery transitions", () => {
  it("allows exactly the lifecycle's transitions", () => {
    const legal = deliveryStatuses.flatMap((from) => deliveryTransitions[from].map((to) => `${from}→${to}`));
    expect(legal).toEqual([
      "REQUESTED→SCHEDULED",
      "REQUESTED→DELIVERED",
      "REQUESTED→NOT_REACHED",
      "REQUESTED→CANCELLED",
      "SCHEDULED→DELIVERED",
      "SCHEDULED→NOT_REACHED",
      "SCHEDULED→CANCELLED",
    ]);
  });

  it("refuses every other pair: nothing leaves a closed delivery, nothing goes back, nothing stays", () => {
    let refused = 0;
    for (const from of deliveryStatuses) {
      for (const to of deliveryStatuses) {
        const allowed = deliveryTransitions[from].includes(to);
        expect(mayTransitionDelivery(from, to)).toBe(allowed);
        if (!allowed) refused += 1;
      }
    }
    expect(refused).toBe(5 * 5 - 7);
    // Delivered twice would hand the items out twice.
    expect(mayTransitionDelivery("DELIVERED", "DELIVERED")).toBe(false);
    expect(mayTransitionDelivery("SCHEDULED", "REQUESTED")).toBe(false);
    expect(mayTransitionDelivery("SCHEDULED", "SCHEDULED")).toBe(false);
    expect(mayTransitionDelivery("CANCELLED", "SCHEDULED")).toBe(false);
    expect(mayTransitionDelivery("NOT_REACHED", "DELIVERED")).toBe(false);
  });

  it("only DELIVERED hands out; DELIVERED and CANCELLED are confirmed; open is requested or scheduled", () => {
    expect(deliveryStatuses.filter(transitionHandsOut)).toEqual(["DELIVERED"]);
    expect(deliveryStatuses.filter(transitionNeedsConfirmation)).toEqual(["DELIVERED", "CANCELLED"]);
    expect(deliveryStatuses.filter(deliveryIsOpen)).toEqual(["REQUESTED", "SCHEDULED"]);
  });
});
