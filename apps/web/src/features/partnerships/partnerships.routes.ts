import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { SharingAgreementPage } from "./SharingAgreementPage.tsx";

export const partnershipRoutes: RouteDefinition[] = [
  { path: "/partenariat", component: SharingAgreementPage },
];

export const partnershipNavEntries: NavEntry[] = [
  { to: "/partenariat", label: "nav.partnership", visible: (me) => mayTake(me, "EDIT_SHARING_AGREEMENT") },
];
