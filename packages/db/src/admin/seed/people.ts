import { itemAt } from "./present.ts";

/**
 * Who uses the demo: organisations of one partnership (after real programmes, DESIGN.md §1),
 * their members for every role, and the follow-up committee.
 */
export const demoPassword = "maillage-demo-2026";
/**
 * The demo's coordinators and org admins sign in with two-step sign-in on, all with this published
 * authenticator key (a demonstration only: a real account's key is its own, made at enrolment).
 */
export const demoTotpSecret = "MAILLAGEDEMOTWOSTEPSIGNINKEYQC23";

export type OrganisationKey = "street" | "night" | "health" | "calacs" | "police" | "horizon" | "line";

export const demoOrganisations: Record<
  OrganisationKey,
  // startedOn: the first day its records may be dated (its history goes back to it).
  { name: string; kind: string; inPartnership: boolean; startedOn?: string }
> = {
  street: {
    name: "Réseau Ancrage — travail de rue",
    kind: "COMMUNITY_GROUP",
    inPartnership: true,
    startedOn: "2008-04-01",
  },
  night: { name: "La Halte de nuit", kind: "COMMUNITY_GROUP", inPartnership: true, startedOn: "2015-04-01" },
  health: {
    name: "CISSS de Chaudière-Appalaches — santé publique",
    kind: "PUBLIC_HEALTH",
    inPartnership: true,
  },
  calacs: { name: "CALACS Rive-Sud", kind: "OTHER_PARTNER", inPartnership: true, startedOn: "1995-09-01" },
  police: { name: "Service de police de Lévis", kind: "OTHER_PARTNER", inPartnership: false },
  horizon: { name: "Groupe Horizon — Québec", kind: "COMMUNITY_GROUP", inPartnership: false },
  // The confidential phone and SMS line, which brings material to those who ask (issue 15).
  line: { name: "Ligne Alternative — écoute et livraison", kind: "COMMUNITY_GROUP", inPartnership: true },
};

export const demoPartnershipName = "Volet Intervention Prostitution — Lévis";

export interface DemoAccount {
  email: string;
  displayName: string;
  /** Organisation → roles held there (empty for a committee member's own organisation). */
  memberships: { organisation: OrganisationKey; roles: string[] }[];
  committee: boolean;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: "marie.rue@ancrage.demo",
    displayName: "Marie L.",
    memberships: [{ organisation: "street", roles: ["OUTREACH_WORKER"] }],
    committee: false,
  },
  {
    email: "julien.rue@ancrage.demo",
    displayName: "Julien B.",
    memberships: [{ organisation: "street", roles: ["OUTREACH_WORKER"] }],
    committee: false,
  },
  {
    email: "sophie.coord@ancrage.demo",
    displayName: "Sophie T.",
    memberships: [{ organisation: "street", roles: ["COORDINATOR"] }],
    committee: false,
  },
  {
    email: "admin@ancrage.demo",
    displayName: "Luc A.",
    memberships: [{ organisation: "street", roles: ["ORG_ADMIN"] }],
    committee: false,
  },
  {
    email: "camille@ancrage.demo",
    displayName: "Camille R.",
    memberships: [
      { organisation: "street", roles: ["OUTREACH_WORKER"] },
      { organisation: "night", roles: ["OUTREACH_WORKER"] },
    ],
    committee: false,
  },
  {
    email: "lea.nuit@halte.demo",
    displayName: "Léa D.",
    memberships: [{ organisation: "night", roles: ["OUTREACH_WORKER"] }],
    committee: false,
  },
  {
    email: "karine.coord@halte.demo",
    displayName: "Karine P.",
    memberships: [{ organisation: "night", roles: ["COORDINATOR"] }],
    committee: false,
  },
  {
    email: "admin@halte.demo",
    displayName: "Nathalie G.",
    memberships: [{ organisation: "night", roles: ["ORG_ADMIN"] }],
    committee: false,
  },
  {
    email: "isabelle.inf@cisss.demo",
    displayName: "Isabelle C.",
    memberships: [{ organisation: "health", roles: ["NURSE"] }],
    committee: false,
  },
  {
    email: "nadia.inf@cisss.demo",
    displayName: "Nadia F.",
    memberships: [{ organisation: "health", roles: ["NURSE"] }],
    committee: false,
  },
  {
    email: "helene.coord@cisss.demo",
    displayName: "Hélène M.",
    memberships: [{ organisation: "health", roles: ["COORDINATOR"] }],
    committee: false,
  },
  {
    email: "admin@cisss.demo",
    displayName: "Pierre V.",
    memberships: [{ organisation: "health", roles: ["ORG_ADMIN"] }],
    committee: false,
  },
  {
    email: "comite@calacs.demo",
    displayName: "Annie S.",
    memberships: [{ organisation: "calacs", roles: [] }],
    committee: true,
  },
  {
    email: "comite@police.demo",
    displayName: "Sgt. Marc O.",
    memberships: [{ organisation: "police", roles: [] }],
    committee: true,
  },
  {
    email: "max@horizon.demo",
    displayName: "Max H.",
    memberships: [{ organisation: "horizon", roles: ["OUTREACH_WORKER"] }],
    committee: false,
  },
  {
    email: "ines.coord@horizon.demo",
    displayName: "Inès K.",
    memberships: [{ organisation: "horizon", roles: ["COORDINATOR"] }],
    committee: false,
  },
  {
    email: "noemie.ligne@alternative.demo",
    displayName: "Noémie B.",
    memberships: [{ organisation: "line", roles: ["OUTREACH_WORKER"] }],
    committee: false,
  },
  {
    email: "rachel.coord@alternative.demo",
    displayName: "Rachel S.",
    memberships: [{ organisation: "line", roles: ["COORDINATOR"] }],
    committee: false,
  },
];

const firstNames = [
  "Éloïse",
  "Chloé",
  "Maëlle",
  "Jade",
  "Léa",
  "Océane",
  "Zoé",
  "Noémie",
  "Amélie",
  "Mégane",
  "Anaïs",
  "Justine",
  "Sarah",
  "Émilie",
  "Laurence",
  "Roxanne",
  "Jessica",
  "Kim",
  "Audrey",
  "Marilou",
  "Ma-Lou",
  "Cherry",
  "Candy",
  "Diamond",
  "Luna",
  "Stella",
  "Bella",
  "Nina",
  "Mia",
  "Rosalie",
  "Frédérique",
  "Gabrielle",
  "Mélodie",
  "Élodie",
  "Josée",
  "Sylvie",
  "Nancy",
  "Karine",
  "Valérie",
  "Geneviève",
  "Ève",
  "Naomie",
  "Inès",
  "Yasmine",
  "Fatou",
  "Aïcha",
  "Daniela",
  "Lucía",
  "Sofía",
  "Tatiana",
  "Olena",
  "Jordan",
  "Alex",
  "Sam",
  "Kevin",
  "Maxime",
  "Dominique",
];

/** A pseudonymous alias, as workers note them: a first name, sometimes an initial or a number. */
export function aliasFor(index: number, pick: (n: number) => number): string {
  const name = itemAt(firstNames, index % firstNames.length);
  const round = Math.floor(index / firstNames.length);
  if (round === 0) return name;
  const initials = "ABCDEFGHJKLMNPRSTV";
  return round % 2 === 1 ? `${name} ${initials[pick(initials.length)]}.` : `${name} ${round + pick(9)}`;
}
