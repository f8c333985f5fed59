import { OrganisationKind, Role } from "@maillage/db";
import { visiblePartnershipWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";

export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: "OrganisationKind" });
export const RoleEnum = builder.enumType(Role, { name: "Role" });

/** The directory of organisations is visible to every signed-in user (names and kinds only). */
export const OrganisationNode = builder.prismaNode("Organisation", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: OrganisationKindEnum }),
  }),
});

/**
 * A partnership — its name, members and sharing agreement — is seen by its member
 * organisations and its follow-up committee only: to anyone else, not found.
 */
export const PartnershipNode = builder.prismaNode("Partnership", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [visiblePartnershipWhere(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    region: t.exposeString("region", { nullable: true }),
  }),
});
