import type { TransactionClient, Viewer } from "@maillage/db";
import type { Organisation, Partnership, Role } from "@maillage/db/prisma";
import {
  loadSecondFactorStatus,
  rolesRequireSecondFactor,
  type SecondFactorStatus,
} from "./second-factor.ts";

/** What the app frame needs to know about the signed-in user. */
export interface MeShape {
  user: { id: string; email: string; displayName: string; locale: string };
  actingOrganisation: Organisation | null;
  roles: Role[];
  memberships: { organisation: Organisation; roles: Role[] }[];
  committeeSeats: { partnership: Partnership }[];
  csrfToken: string;
  secondFactor: SecondFactorStatus;
}

/** Four or five queries, whatever the number of memberships (the second factor's, and its codes left when on). */
export async function loadMe(tx: TransactionClient, viewer: Viewer): Promise<MeShape> {
  // One connection per transaction: queries run one after the other.
  const user = await tx.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { id: true, email: true, displayName: true, locale: true },
  });
  const memberships = await tx.membership.findMany({
    where: { userId: viewer.userId, endedAt: null },
    include: { organisation: true },
    orderBy: { createdAt: "asc" },
  });
  const seats = await tx.committeeSeat.findMany({
    where: { userId: viewer.userId },
    include: { partnership: true },
    orderBy: { createdAt: "asc" },
  });
  const acting = memberships.find((m) => m.organisationId === viewer.organisationId);
  return {
    user,
    actingOrganisation: acting?.organisation ?? null,
    roles: viewer.roles,
    memberships: memberships.map((m) => ({ organisation: m.organisation, roles: m.roles })),
    committeeSeats: seats.map((s) => ({ partnership: s.partnership })),
    csrfToken: viewer.csrfToken,
    secondFactor: await loadSecondFactorStatus(
      tx,
      viewer.userId,
      viewer.withheldRoles,
      rolesRequireSecondFactor(memberships.flatMap((m) => m.roles)),
    ),
  };
}
