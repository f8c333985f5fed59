import { builder } from "../../builder.ts";
import { OrganisationNode, PartnershipNode, RoleEnum } from "../organisations/organisations.types.ts";
import type { MeShape } from "./me.ts";

const UserRef = builder.objectRef<MeShape["user"]>("User").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    displayName: t.exposeString("displayName"),
    locale: t.exposeString("locale"),
  }),
});

const MembershipRef = builder.objectRef<MeShape["memberships"][number]>("Membership").implement({
  fields: (t) => ({
    organisation: t.field({ type: OrganisationNode, resolve: (m) => m.organisation }),
    roles: t.field({ type: [RoleEnum], resolve: (m) => m.roles }),
  }),
});

const CommitteeSeatRef = builder.objectRef<MeShape["committeeSeats"][number]>("CommitteeSeat").implement({
  fields: (t) => ({
    partnership: t.field({ type: PartnershipNode, resolve: (s) => s.partnership }),
  }),
});

const SecondFactorStatusRef = builder.objectRef<MeShape["secondFactor"]>("SecondFactorStatus").implement({
  description: "The user's two-step sign-in (an authenticator app's codes).",
  fields: (t) => ({
    enabled: t.exposeBoolean("enabled"),
    required: t.exposeBoolean("required", {
      description: "She holds a role that requires it (coordinator, org admin): it cannot be removed.",
    }),
    withheldRoles: t.field({
      type: [RoleEnum],
      description: "Roles of the acting organisation this session may not use until she turns it on.",
      resolve: (status) => status.withheldRoles,
    }),
    recoveryCodesLeft: t.exposeInt("recoveryCodesLeft"),
  }),
});

/** The signed-in user as seen by themselves: built from the viewer, never another user's. */
export const MeRef = builder.objectRef<MeShape>("Me").implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (me) => me.user }),
    actingOrganisation: t.field({
      type: OrganisationNode,
      nullable: true,
      resolve: (me) => me.actingOrganisation,
    }),
    roles: t.field({ type: [RoleEnum], resolve: (me) => me.roles }),
    memberships: t.field({ type: [MembershipRef], resolve: (me) => me.memberships }),
    committeeSeats: t.field({ type: [CommitteeSeatRef], resolve: (me) => me.committeeSeats }),
    csrfToken: t.exposeString("csrfToken"),
    secondFactor: t.field({ type: SecondFactorStatusRef, resolve: (me) => me.secondFactor }),
  }),
});
