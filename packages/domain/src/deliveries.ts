/**
 * Material delivery requests (issue 15, the confidential line): a person — or an anonymous
 * caller, by a text to the line — asks for items to be brought to a discreet place. Lifecycle:
 * REQUESTED → SCHEDULED → DELIVERED | NOT_REACHED | CANCELLED, and a request may also be closed
 * at once (REQUESTED → DELIVERED | NOT_REACHED | CANCELLED). A closed delivery never moves again:
 * DELIVERED is what makes the items count as handed out (its one encounter), so it happens once.
 */
export const deliveryStatuses = ["REQUESTED", "SCHEDULED", "DELIVERED", "NOT_REACHED", "CANCELLED"] as const;
export type DeliveryStatusName = (typeof deliveryStatuses)[number];

export const deliveryTransitions: Record<DeliveryStatusName, readonly DeliveryStatusName[]> = {
  REQUESTED: ["SCHEDULED", "DELIVERED", "NOT_REACHED", "CANCELLED"],
  SCHEDULED: ["DELIVERED", "NOT_REACHED", "CANCELLED"],
  DELIVERED: [],
  NOT_REACHED: [],
  CANCELLED: [],
};

export function mayTransitionDelivery(from: DeliveryStatusName, to: DeliveryStatusName): boolean {
  return deliveryTransitions[from].includes(to);
}

/** Still to be done: on the list of open requests. */
export const openDeliveryStatuses: readonly DeliveryStatusName[] = ["REQUESTED", "SCHEDULED"];

export function deliveryIsOpen(status: DeliveryStatusName): boolean {
  return openDeliveryStatuses.includes(status);
}

/** The transition that hands the items out: it records them as an encounter's materials. */
export function transitionHandsOut(to: DeliveryStatusName): boolean {
  return to === "DELIVERED";
}

/** Transitions the web asks to confirm: handing out (counted in the stock) and cancelling. */
export function transitionNeedsConfirmation(to: DeliveryStatusName): boolean {
  return to === "DELIVERED" || to === "CANCELLED";
}

export const deliveryLimits = {
  /** Distinct items of one request (a catalogue holds a few dozen). */
  maxItems: 30,
  /** Of one item: a box of condoms is counted as units (the catalogue's unit). */
  maxQuantity: 10_000,
} as const;
