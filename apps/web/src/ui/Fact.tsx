import type { ReactNode } from "react";

/** One fact of a `dl.facts` list: its term and what it says. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
