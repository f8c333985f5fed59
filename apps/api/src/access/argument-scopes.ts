/**
 * Field scopes whose parameter is one of the field's arguments (Pothos takes a function for
 * them), labelled with what they declare — the scope and the argument it reads — so that the
 * permission snapshot (permission-declarations.test.ts) shows the rule itself rather than
 * "(depends on the record)".
 */
export function scopesFromArguments<F extends (...args: never[]) => unknown>(
  declared: Record<string, string>,
  scopes: F,
): F & { declared: string } {
  return Object.assign(scopes, { declared: JSON.stringify(declared) });
}
