/**
 * The roles a database needs, as a script that creates each one only where it is missing.
 *
 * Roles belong to the PostgreSQL server, not to the database: a plain pg_dump restored on a new
 * server fails on every GRANT and policy naming `maillage_app` or `maillage_auth` (the migration
 * that creates them is recorded as applied, so it never runs again), and every sign-in then
 * fails. The backup therefore carries the roles its dump names: the owners of its objects, the
 * grantees of its privileges and the roles of its policies (pg_shdepend, which PostgreSQL keeps
 * for exactly this), the database's owner and the role taking the backup, and the memberships
 * between them. Attributes are kept; passwords are not (a login role restored on a new server is
 * given one there: ALTER ROLE … PASSWORD).
 */
import type { RunQuery } from "./table-fingerprints.ts";

export interface DatabaseRole {
  name: string;
  /** CREATE ROLE options, e.g. "NOLOGIN NOSUPERUSER INHERIT …". */
  options: string;
}

export interface DatabaseRoles {
  roles: DatabaseRole[];
  /** [role, member]: `member` is granted `role`. */
  memberships: [string, string][];
}

/** The roles that the current database's objects, privileges and policies depend on. */
export async function referencedRoles(query: RunQuery): Promise<DatabaseRoles> {
  const roles = await query<DatabaseRole>(
    `WITH needed AS (
       SELECT d.refobjid AS oid FROM pg_shdepend d
        WHERE d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND d.refclassid = 'pg_authid'::regclass
       UNION SELECT datdba FROM pg_database WHERE datname = current_database()
       UNION SELECT oid FROM pg_roles WHERE rolname = current_user
     )
     SELECT r.rolname AS name,
            concat_ws(' ',
              CASE WHEN r.rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END,
              CASE WHEN r.rolsuper THEN 'SUPERUSER' ELSE 'NOSUPERUSER' END,
              CASE WHEN r.rolinherit THEN 'INHERIT' ELSE 'NOINHERIT' END,
              CASE WHEN r.rolcreaterole THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END,
              CASE WHEN r.rolcreatedb THEN 'CREATEDB' ELSE 'NOCREATEDB' END,
              CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' ELSE 'NOBYPASSRLS' END,
              CASE WHEN r.rolreplication THEN 'REPLICATION' ELSE 'NOREPLICATION' END) AS options
       FROM pg_roles r JOIN needed USING (oid)
      WHERE r.rolname NOT LIKE 'pg\\_%'
      ORDER BY r.rolname`,
  );
  const names = roles.map((role) => role.name);
  const memberships = await query<{ role: string; member: string }>(
    `SELECT r.rolname AS role, m.rolname AS member
       FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
      ORDER BY 1, 2`,
  );
  return {
    roles,
    memberships: memberships
      .filter((row) => names.includes(row.role) && names.includes(row.member))
      .map((row) => [row.role, row.member]),
  };
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** SQL that creates each missing role and grants the memberships; running it twice changes nothing. */
export function rolesScript(needed: DatabaseRoles): string {
  const lines = [
    "-- The roles this database needs, created only where missing (no passwords: set them on the new server).",
  ];
  for (const role of needed.roles) {
    lines.push(
      `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role.name)}) THEN
    CREATE ROLE ${quoted(role.name)} ${role.options};
  END IF;
END $$;`,
    );
  }
  for (const [role, member] of needed.memberships) {
    lines.push(
      `DO $$ BEGIN
  IF NOT pg_has_role(${literal(member)}, ${literal(role)}, 'MEMBER') THEN
    GRANT ${quoted(role)} TO ${quoted(member)};
  END IF;
END $$;`,
    );
  }
  return `${lines.join("\n")}\n`;
}
