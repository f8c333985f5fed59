import { mayRead } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { ReferralDetailPage } from "./ReferralDetailPage.tsx";
import { ReferralsPage } from "./ReferralsPage.tsx";
import { SendReferralPage } from "./SendReferralPage.tsx";

// "/references/nouvelle" comes before "/references/:id", which would match it too.
export const referralRoutes: RouteDefinition[] = [
  { path: "/references", component: ReferralsPage },
  { path: "/references/nouvelle", component: SendReferralPage },
  { path: "/references/:id", component: ReferralDetailPage },
];

export const referralNavEntries: NavEntry[] = [
  { to: "/references", label: "nav.referrals", visible: (me) => mayRead(me, "REFERRAL") },
];
