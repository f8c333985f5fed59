import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { StockPage } from "./StockPage.tsx";

export const stockPath = "/stock";

export const materialStockRoutes: RouteDefinition[] = [{ path: stockPath, component: StockPage }];

export const materialStockNavEntries: NavEntry[] = [
  { to: stockPath, label: "stock.nav", visible: (me) => mayTake(me, "KEEP_STOCK") },
];
