import { decodeGlobalID } from "@pothos/plugin-relay";

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The database id inside a Relay global id of the expected type, or null for anything else
 * (malformed, another type, not a UUID): callers answer "not found" either way.
 */
export function decodeId(globalId: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename !== typename || !uuidPattern.test(decoded.id)) return null;
    return decoded.id;
  } catch {
    return null;
  }
}

/** Node types whose database id is a number (every other node's is a UUID). */
const numericIdTypes = new Set(["AuditEvent"]);

/**
 * A global id as node(id:) reads it, or null when it names nothing: not a global id at all, or an
 * id of a form its type's table cannot hold (which the database would refuse with an error).
 */
export function decodeNodeGlobalId(globalId: string): { typename: string; id: string } | null {
  try {
    const decoded = decodeGlobalID(globalId);
    const wellFormed = numericIdTypes.has(decoded.typename)
      ? /^\d{1,18}$/.test(decoded.id)
      : uuidPattern.test(decoded.id);
    return wellFormed ? decoded : null;
  } catch {
    return null;
  }
}
