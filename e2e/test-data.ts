import type { Role, SharedRecordKind } from "@maillage/db";
import { adminPool, createOrganisation, createPartnership, createUser } from "@maillage/db/factories";

/**
 * What a browser test writes in the database before it opens a page, as the database owner:
 * each test makes its own organisations, members and consents, so no test depends on another.
 */
export function testData(databaseUrl: string) {
  const pool = adminPool(databaseUrl);
  return {
    pool,
    /** A street organisation and a public-health one, partners in one partnership. */
    async partners(names: { street: string; health: string; partnership?: string }) {
      const street = await createOrganisation(pool, { name: names.street });
      const health = await createOrganisation(pool, { name: names.health, kind: "PUBLIC_HEALTH" });
      const partnership = await createPartnership(pool, {
        organisationIds: [street.id, health.id],
        name: names.partnership,
      });
      return { street, health, partnership };
    },
    /** A user with these roles in one organisation, named `displayName` when it is given. */
    member(organisation: { id: string }, roles: Role[], displayName?: string) {
      return createUser(pool, { displayName, memberships: [{ organisationId: organisation.id, roles }] });
    },
    /** The owner's consent, recorded by `recordedBy`, to show the person's `recordKinds` to `grantee`. */
    async consent(
      owner: { id: string },
      person: { id: string },
      grantee: { id: string },
      recordKinds: SharedRecordKind[],
      recordedBy: { id: string },
    ) {
      await pool.query(
        `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
         VALUES ($1, $2, $3, $4::"SharedRecordKind"[], $5)`,
        [owner.id, person.id, grantee.id, recordKinds, recordedBy.id],
      );
    },
  };
}
