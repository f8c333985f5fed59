import { OrganisationKind, Role } from "@maillage/db";
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

export const PartnershipNode = builder.prismaNode("Partnership", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    region: t.exposeString("region", { nullable: true }),
  }),
});
