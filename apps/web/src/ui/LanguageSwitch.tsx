import { languages, useT } from "../app/i18n/index.tsx";

/** FR / EN, as two toggle buttons. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useT();
  return (
    <fieldset className="segmented" aria-label={t("app.language")}>
      {languages.map((candidate) => (
        <button
          key={candidate}
          type="button"
          lang={candidate}
          aria-pressed={language === candidate}
          onClick={() => setLanguage(candidate)}
          title={candidate === "fr" ? "Français" : "English"}
        >
          {candidate.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
