import type { SharedRecordKind } from "@maillage/domain";
import type { ActingContext } from "../context.ts";
import { consentInForceWhere } from "./visible-records.ts";

/**
 * The consent in force through which a person of the acting organisation is shared with
 * `receiverId` for `kind` — naming the receiver or a partnership of it, within a sharing
 * agreement of a partnership both belong to — or null. Sending a referral and booking a joint
 * visit rest on one.
 */
export async function consentCoveringReceiver(
  ctx: ActingContext,
  personId: string,
  receiverId: string,
  kind: SharedRecordKind = "PROFILE",
): Promise<{ id: string } | null> {
  return ctx.tx.consent.findFirst({
    where: {
      personId,
      organisationId: ctx.viewer.organisationId,
      AND: [consentInForceWhere(receiverId, kind, ctx.now)],
      person: {
        organisation: {
          partnerships: {
            some: {
              partnership: {
                members: { some: { organisationId: receiverId } },
                sharingAgreement: { recordKinds: { has: kind } },
              },
            },
          },
        },
      },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}
