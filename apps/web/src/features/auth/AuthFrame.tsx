import type { ReactNode } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { LanguageSwitch } from "../../ui/LanguageSwitch.tsx";

/** The frame of the pages seen signed out (sign-in, an invitation): language, brand, title, the confidentiality line. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="sign-in">
      <header className="sign-in__lang">
        <LanguageSwitch />
      </header>
      <main className="sign-in__card" id="main">
        <p className="brand" aria-hidden="true">
          <span className="brand__mark">M</span> {t("app.name")}
        </p>
        <h1>{title}</h1>
        {children}
        <p className="small muted">{t("auth.confidentiality")}</p>
      </main>
    </div>
  );
}
