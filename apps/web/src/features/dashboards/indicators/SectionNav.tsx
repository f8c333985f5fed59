/** The sections of the page as links: one line that scrolls sideways on a phone, wraps on a wide screen. */
import { type MessageKey, useT } from "../../../app/i18n/index.tsx";
import { type SectionContent, sectionAnchor } from "./indicators-model.ts";

export function useSectionTitle() {
  const { t } = useT();
  return (content: Pick<SectionContent, "section" | "known">) =>
    content.known ? t(`indicators.section.${content.known}` as MessageKey) : content.section;
}

export function SectionNav({ sections }: { sections: SectionContent[] }) {
  const { t } = useT();
  const title = useSectionTitle();
  if (sections.length < 2) return null;
  return (
    <nav aria-label={t("indicators.sections")} className="indicator-nav">
      <ul>
        {sections.map((content) => (
          <li key={content.section}>
            <a href={`#${sectionAnchor(content.section)}`}>{title(content)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
