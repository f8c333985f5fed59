import { Link } from "../app/router.tsx";

/** A page's heading, with the link to its main action beside it when the viewer may take it. */
export function PageHeading({
  title,
  action,
}: {
  title: string;
  action: { to: string; label: string } | null;
}) {
  return (
    <div className="row row--between">
      <h1>{title}</h1>
      {action ? (
        <Link to={action.to} className="button button--primary">
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
