import type { ReactNode } from "react";
import { useT } from "../app/i18n/index.tsx";

/** A page whose record is not there, or not for the viewer: said the same way (never which). */
export function NotFoundPage({ children }: { children?: ReactNode }) {
  const { t } = useT();
  return (
    <section className="page">
      <h1>{t("errors.NOT_FOUND")}</h1>
      {children}
    </section>
  );
}
