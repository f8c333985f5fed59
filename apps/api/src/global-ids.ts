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
