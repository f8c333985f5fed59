import type { ReactNode } from "react";

/** The confirmation of a saved form, in a status region, while `shown`. */
export function SuccessStatus({ shown, children }: { shown: boolean; children: ReactNode }) {
  return shown ? (
    <p role="status" className="alert alert--ok">
      {children}
    </p>
  ) : null;
}
