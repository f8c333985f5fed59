import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();

const auditLogQuery = `query ($filter: AuditLogFilter) {
  auditLog(first: 20, filter: $filter) { edges { node { action recordKind recordId userDisplayName at } } }
}`;

async function fileReads(personId: string) {
  const { rows } = await world.pool.query<{ user_id: string; organisation_id: string }>(
    "SELECT user_id, organisation_id FROM audit_events WHERE action = 'READ_PERSON_FILE' AND record_id = $1 ORDER BY id",
    [personId],
  );
  return rows;
}

describe("read audit", () => {
  it("reading a person's file writes exactly one audit event, however the query asks for it", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const before = (await fileReads(world.person.id)).length;
    const result = await worker.request<any>(
      `query ($id: ID!) { a: person(id: $id) { alias } b: person(id: $id) { legalName } c: node(id: $id) { id } }`,
      { id: world.person.globalId },
    );
    expect(result.data?.a.alias).toBe("Éloïse");
    expect(result.data?.b.legalName).toBe("Nom Légal");
    const reads = await fileReads(world.person.id);
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toEqual({ user_id: world.owner.users.worker.id, organisation_id: world.owner.id });
    // A list of persons is not a read of each file; a refused read writes nothing.
    await worker.request("{ persons(first: 10) { edges { node { alias } } } }");
    const outsider = await world.signIn(world.unrelated.users.worker);
    await outsider.request(`query ($id: ID!) { person(id: $id) { alias } }`, { id: world.person.globalId });
    expect(await fileReads(world.person.id)).toHaveLength(before + 1);
  });

  it("the audit log is the org admin's and coordinator's, filtered by user and record, and nobody else's", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    await worker.request(`query ($id: ID!) { person(id: $id) { alias } }`, { id: world.person.globalId });

    const admin = await world.signIn(world.owner.users.admin);
    const byRecord = await admin.request<any>(auditLogQuery, { filter: { recordId: world.person.globalId } });
    const events = byRecord.data?.auditLog.edges.map((e: any) => e.node);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]).toMatchObject({
      action: "READ_PERSON_FILE",
      recordKind: "PERSON",
      recordId: world.person.id,
      userDisplayName: world.owner.users.worker.displayName,
    });
    const byUser = await admin.request<any>(auditLogQuery, {
      filter: { userId: world.owner.users.worker.id },
    });
    const byUserNames = byUser.data?.auditLog.edges.map((e: any) => e.node.userDisplayName);
    // Not empty (every() of nothing is true): the worker's read above is among them.
    expect(byUserNames.length).toBeGreaterThan(0);
    expect(new Set(byUserNames)).toEqual(new Set([world.owner.users.worker.displayName]));
    const garbage = await admin.request<any>(auditLogQuery, { filter: { userId: "not-a-uuid" } });
    expect(garbage.data?.auditLog.edges).toEqual([]);

    const coordinator = await world.signIn(world.owner.users.coordinator);
    expect((await coordinator.request<any>(auditLogQuery, {})).data?.auditLog.edges.length).toBeGreaterThan(
      0,
    );

    for (const user of [world.owner.users.worker, world.owner.users.nurse]) {
      const client = await world.signIn(user);
      const refused = await client.request<any>(auditLogQuery, {});
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    for (const user of [world.partner.users.admin, world.unrelated.users.admin]) {
      const client = await world.signIn(user);
      const foreign = await client.request<any>(auditLogQuery, {
        filter: { recordId: world.person.globalId },
      });
      expect(foreign.data?.auditLog.edges).toEqual([]);
    }
  });

  it("a change of roles is audited; an org admin changes only their own organisation's members", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const mutation = `mutation ($input: SetMemberRolesInput!) {
      setMemberRoles(input: $input) { __typename ... on SetMemberRolesSuccess { member { roles } } ... on AppError { code } }
    }`;
    const changed = await admin.request<any>(mutation, {
      input: { userId: world.owner.users.nurse.id, roles: ["NURSE", "COORDINATOR"] },
    });
    expect(changed.data?.setMemberRoles.member.roles).toEqual(["NURSE", "COORDINATOR"]);
    const foreign = await admin.request<any>(mutation, {
      input: { userId: world.partner.users.nurse.id, roles: [] },
    });
    expect(foreign.data?.setMemberRoles).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const log = await admin.request<any>(auditLogQuery, { filter: { recordId: null } });
    expect(log.data?.auditLog.edges.map((e: any) => e.node.action)).toContain("ROLES_CHANGED");
    await admin.request<any>(mutation, { input: { userId: world.owner.users.nurse.id, roles: ["NURSE"] } });
  });
});

describe("the audit log in words", () => {
  const rows = `query ($filter: AuditLogFilter) {
    auditLog(first: 50, filter: $filter) {
      edges { node { knownAction knownRecordKind userDisplayName record { label openId } } }
    }
  }`;

  it("names the record touched to who may open it, and only the kind to who may not", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    await worker.request(`query ($id: ID!) { person(id: $id) { legalName } }`, { id: world.person.globalId });
    const filter = { action: "READ_LEGAL_NAME", userId: world.owner.users.worker.id };
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const seen = (await coordinator.request<any>(rows, { filter })).data?.auditLog.edges;
    expect(seen[0].node).toEqual({
      knownAction: "READ_LEGAL_NAME",
      knownRecordKind: "PERSON",
      userDisplayName: world.owner.users.worker.displayName,
      record: { label: "Éloïse", openId: world.person.globalId },
    });
    // An org admin without a working role reads that a file was opened, never whose.
    const admin = await world.signIn(world.owner.users.admin);
    const hidden = (await admin.request<any>(rows, { filter })).data?.auditLog.edges;
    expect(hidden[0].node.record).toEqual({ label: null, openId: null });
  });

  it("filters by action, record kind and days, and offers as members exactly those in the log", async () => {
    const admin = await world.signIn(world.owner.users.admin);
    const worker = await world.signIn(world.owner.users.worker);
    await worker.request(`query ($id: ID!) { person(id: $id) { alias } }`, { id: world.person.globalId });
    const kinds = async (filter: Record<string, unknown>) =>
      new Set<string>(
        (await admin.request<any>(rows, { filter })).data?.auditLog.edges.map(
          (e: any) => `${e.node.knownAction} ${e.node.knownRecordKind}`,
        ),
      );
    expect(await kinds({ action: "READ_PERSON_FILE" })).toEqual(new Set(["READ_PERSON_FILE PERSON"]));
    expect([...(await kinds({ recordKind: "SESSION" }))].every((k) => k.endsWith(" SESSION"))).toBe(true);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect((await kinds({ action: "READ_PERSON_FILE", from: hourAgo })).size).toBe(1);
    expect((await kinds({ action: "READ_PERSON_FILE", to: hourAgo })).size).toBe(0);
    const actors = (await admin.request<any>("{ auditLogActors { id displayName } }")).data?.auditLogActors;
    expect(actors.map((a: any) => a.id)).toContain(world.owner.users.worker.id);
    const { rows: inLog } = await world.pool.query<{ user_id: string }>(
      "SELECT DISTINCT user_id FROM audit_events WHERE organisation_id = $1 AND user_id IS NOT NULL",
      [world.owner.id],
    );
    expect(new Set(actors.map((a: any) => a.id))).toEqual(new Set(inLog.map((r) => r.user_id)));
    // Nobody else's: a partner's admin sees none of the owner's members.
    const partnerAdmin = await world.signIn(world.partner.users.admin);
    const theirs = (await partnerAdmin.request<any>("{ auditLogActors { id } }")).data?.auditLogActors;
    expect(theirs.map((a: any) => a.id)).not.toContain(world.owner.users.worker.id);
    const worker2 = await worker.request<any>("{ auditLogActors { id } }");
    expect(worker2.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
