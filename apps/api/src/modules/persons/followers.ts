/**
 * Who follows a person: the caseload. Where the organisation restricts team visibility, a
 * worker sees only her own records and those of the persons she follows or whose file she
 * opened (DESIGN.md §3 rule 1, access/visible-records.ts); a coordinator, who still sees the
 * team's, sets who follows whom. Audited.
 */
import { setPersonFollowersInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import { fieldProblem } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { PersonNode } from "./persons.types.ts";

defineMutation("setPersonFollowers", {
  description:
    "Sets the members of the acting organisation who follow one of its persons (coordinators). Audited.",
  authScopes: { role: "COORDINATOR" },
  input: setPersonFollowersInput,
  payload: { person: PersonNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const person = await ownRecordOrNotFound(ctx, "Person", input.personId, (where) =>
      ctx.tx.person.findFirst({ where, include: { followers: { select: { userId: true } } } }),
    );
    const next = [...new Set(input.userIds)];
    const members = await ctx.tx.membership.findMany({
      where: { organisationId, endedAt: null, userId: { in: next } },
      select: { userId: true },
    });
    const memberIds = new Set(members.map((m) => m.userId));
    const stranger = next.findIndex((userId) => !memberIds.has(userId));
    if (stranger >= 0) throw fieldProblem(ctx.locale, `userIds.${stranger}`, "NOT_FOUND");
    const before = person.followers.map((f) => f.userId);
    await ctx.tx.personFollower.deleteMany({ where: { personId: person.id, userId: { notIn: next } } });
    await ctx.tx.personFollower.createMany({
      data: next
        .filter((userId) => !before.includes(userId))
        .map((userId) => ({ personId: person.id, userId, organisationId })),
    });
    await auditViewerAction(ctx, {
      action: "PERSON_FOLLOWERS_CHANGED",
      recordKind: "PERSON",
      recordId: person.id,
      details: { from: before, to: next },
    });
    return person;
  },
});
