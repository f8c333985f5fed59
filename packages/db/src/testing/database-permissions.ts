/**
 * What the database itself grants the two request roles, read from the catalogues: row-level
 * security per table, every policy, table/column/sequence grants, schema usage and the functions
 * of schema app. rls-coverage.int.test.ts snapshots it and parses the role lists out of it.
 */
import type pg from "pg";

export const requestRoles = ["maillage_app", "maillage_auth"] as const;

export interface TableSecurity {
  table: string;
  enabled: boolean;
  forced: boolean;
}

export interface PolicyRow {
  table: string;
  policy: string;
  permissive: string;
  roles: string[];
  command: string;
  using: string | null;
  check: string | null;
}

export interface FunctionRow {
  signature: string;
  securityDefiner: boolean;
  volatility: string;
  ownerBypassesRls: boolean;
  /** Who may EXECUTE it besides the owner ("PUBLIC" when never revoked). */
  executors: string[];
  source: string;
}

/** Application tables: every ordinary or partitioned table outside PostgreSQL's own schemas. */
export async function tableSecurity(pool: pg.Pool): Promise<TableSecurity[]> {
  const { rows } = await pool.query<{ schema: string; name: string; enabled: boolean; forced: boolean }>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY n.nspname, c.relname`,
  );
  return rows.map((row) => ({
    table: row.schema === "public" ? row.name : `${row.schema}.${row.name}`,
    enabled: row.enabled,
    forced: row.forced,
  }));
}

/** The deparsed expression on one line (PostgreSQL breaks sub-selects over lines). */
export function oneLine(expression: string | null): string | null {
  return expression === null ? null : expression.replace(/\s+/g, " ").replace(/\( /g, "(").trim();
}

export async function policies(pool: pg.Pool): Promise<PolicyRow[]> {
  const { rows } = await pool.query<{
    schemaname: string;
    tablename: string;
    policyname: string;
    permissive: string;
    roles: string[];
    cmd: string;
    qual: string | null;
    with_check: string | null;
  }>(
    `SELECT schemaname, tablename, policyname, permissive, roles::text[] AS roles, cmd, qual, with_check
       FROM pg_policies ORDER BY schemaname, tablename, policyname`,
  );
  return rows.map((row) => ({
    table: row.schemaname === "public" ? row.tablename : `${row.schemaname}.${row.tablename}`,
    policy: row.policyname,
    permissive: row.permissive,
    roles: [...row.roles].sort(),
    command: row.cmd,
    using: oneLine(row.qual),
    check: oneLine(row.with_check),
  }));
}

/** Table, sequence and column privileges of the request roles and PUBLIC, one line each. */
export async function grants(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `WITH granted AS (
       SELECT c.relkind, c.relname, NULL::text AS column_name, a.grantee, a.privilege_type
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
        WHERE n.nspname IN ('public', 'app')
       UNION ALL
       SELECT c.relkind, c.relname, att.attname, a.grantee, a.privilege_type
         FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(att.attacl) a
        WHERE n.nspname IN ('public', 'app') AND att.attnum > 0 AND NOT att.attisdropped
     ), named AS (
       SELECT CASE relkind WHEN 'S' THEN 'sequence ' ELSE '' END || relname AS object, column_name,
              CASE grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(grantee) END AS grantee, privilege_type
         FROM granted
     ), by_privilege AS (
       SELECT grantee, object, privilege_type,
              coalesce('(' || string_agg(DISTINCT column_name, ', ' ORDER BY column_name) || ')', '') AS columns
         FROM named
        WHERE grantee = ANY ($1::text[]) OR grantee = 'PUBLIC'
        GROUP BY grantee, object, privilege_type, column_name IS NULL
     )
     SELECT grantee || ' on ' || object || columns || ': '
            || string_agg(privilege_type, ', ' ORDER BY privilege_type) AS line
       FROM by_privilege
      GROUP BY grantee, object, columns
      ORDER BY 1`,
    [requestRoles],
  );
  return rows.map((row) => row.line);
}

/** USAGE and CREATE on the application schemas. */
export async function schemaGrants(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `SELECT CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
            || ' on schema ' || n.nspname || ': ' || a.privilege_type AS line
       FROM pg_namespace n, aclexplode(n.nspacl) a
      WHERE n.nspname IN ('public', 'app')
        AND (a.grantee = 0 OR pg_get_userbyid(a.grantee) = ANY ($1::text[]))
      ORDER BY 1`,
    [requestRoles],
  );
  return rows.map((row) => row.line);
}

export async function appFunctions(pool: pg.Pool): Promise<FunctionRow[]> {
  const { rows } = await pool.query<{
    signature: string;
    prosecdef: boolean;
    provolatile: string;
    bypasses: boolean;
    executors: string[] | null;
    prosrc: string;
  }>(
    `SELECT p.oid::regprocedure::text AS signature, p.prosecdef, p.provolatile, p.prosrc,
            (r.rolsuper OR r.rolbypassrls) AS bypasses,
            CASE WHEN p.proacl IS NULL THEN ARRAY['PUBLIC']
                 ELSE ARRAY(SELECT CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
                              FROM aclexplode(p.proacl) a
                             WHERE a.grantee <> p.proowner AND a.privilege_type = 'EXECUTE'
                             ORDER BY 1)::text[] END AS executors
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_roles r ON r.oid = p.proowner
      WHERE n.nspname = 'app'
      ORDER BY 1`,
  );
  return rows.map((row) => ({
    signature: row.signature,
    securityDefiner: row.prosecdef,
    volatility: { i: "IMMUTABLE", s: "STABLE", v: "VOLATILE" }[row.provolatile] ?? row.provolatile,
    ownerBypassesRls: row.bypasses,
    executors: row.executors ?? [],
    source: row.prosrc,
  }));
}
