import { mayRead } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { CaseloadPage } from "./CaseloadPage.tsx";
import { PersonFilePage } from "./PersonFilePage.tsx";
import { PersonFormPage } from "./PersonFormPage.tsx";

export const personRoutes: RouteDefinition[] = [
  { path: "/personnes", component: CaseloadPage },
  { path: "/personnes/nouvelle", component: PersonFormPage },
  { path: "/personnes/:id/modifier", component: PersonFormPage },
  { path: "/personnes/:id", component: PersonFilePage },
];

export const personNavEntries: NavEntry[] = [
  { to: "/personnes", label: "persons.nav", visible: (me) => mayRead(me, "PERSON_PROFILE") },
];
