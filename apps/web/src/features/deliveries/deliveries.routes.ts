import { mayRead } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { DeliveriesPage } from "./DeliveriesPage.tsx";
import { RequestDeliveryPage } from "./RequestDeliveryPage.tsx";

export const deliveriesPath = "/livraisons";
export const newDeliveryPath = "/livraisons/nouvelle";

export const deliveryRoutes: RouteDefinition[] = [
  { path: deliveriesPath, component: DeliveriesPage },
  { path: newDeliveryPath, component: RequestDeliveryPage },
];

export const deliveryNavEntries: NavEntry[] = [
  { to: deliveriesPath, label: "deliveries.nav", visible: (me) => mayRead(me, "MATERIAL_DELIVERY") },
];
