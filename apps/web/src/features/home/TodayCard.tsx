import { type ReactNode, useId } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";

export interface TodayCardItem {
  key: string;
  content: ReactNode;
}

/**
 * One card of the home screen: a heading, the count in words, the first few items (each
 * linking to its page), the rest counted, or what there is none of, in words.
 */
export function TodayCard({
  title,
  summary,
  items = [],
  total = items.length,
  emptyText,
  link,
  urgent = false,
}: {
  title: string;
  /** The count, in words ("3 visites"). */
  summary?: string;
  items?: TodayCardItem[];
  total?: number;
  /** Said instead of the list when there is nothing ("Aucune visite aujourd'hui"). */
  emptyText?: string;
  link?: { to: string; label: string };
  /** Something is waiting on the viewer: the card stands out. */
  urgent?: boolean;
}) {
  const { t } = useT();
  const headingId = useId();
  const empty = total === 0 && emptyText;
  return (
    <section
      className={`card today-card${urgent && !empty ? " today-card--urgent" : ""}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="today-card__title">
        {title}
      </h3>
      {empty ? (
        <p className="today-card__empty muted">{emptyText}</p>
      ) : (
        <>
          {summary ? <p className="today-card__count">{summary}</p> : null}
          {items.length > 0 ? (
            <ul className="today-card__items">
              {items.map((item) => (
                <li key={item.key}>{item.content}</li>
              ))}
            </ul>
          ) : null}
          {total > items.length && items.length > 0 ? (
            <p className="small muted">{t("today.more", { count: total - items.length })}</p>
          ) : null}
        </>
      )}
      {link ? (
        <p className="today-card__link">
          <Link to={link.to}>{link.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
