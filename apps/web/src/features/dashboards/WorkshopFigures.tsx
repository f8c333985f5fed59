/**
 * The dashboard's workshops and prevention kiosks, counted apart from the work with persons: the
 * sessions held, their participants, by topic and by audience. A committee's figures come
 * suppressed from the API ("x"), like every other table of its dashboard.
 */
import type { EnumName, EnumTypes } from "../../app/i18n/enum-labels.ts";
import { enumOptions, type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Count } from "./Count.tsx";
import type { Dashboard } from "./dashboards.graphql.ts";

type Workshops = Dashboard["workshops"];
type Table = Workshops["byTopic"];

const figures: { name: "sessions" | "workshops" | "kiosks" | "participants"; label: MessageKey }[] = [
  { name: "sessions", label: "dashboard.workshops.sessions" },
  { name: "workshops", label: "dashboard.workshops.workshops" },
  { name: "kiosks", label: "dashboard.workshops.kiosks" },
  { name: "participants", label: "dashboard.workshops.participants" },
];

function FigureTable({
  id,
  title,
  keysOf,
  table,
}: {
  id: string;
  title: MessageKey;
  keysOf: Extract<EnumName, "WorkshopTopic" | "WorkshopAudience">;
  table: Table;
}) {
  const { t, enumLabel } = useT();
  const cells = [...table.cells].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
  const known = (key: string): key is EnumTypes[typeof keysOf] =>
    (enumOptions(keysOf) as string[]).includes(key);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t(title)}</h3>
      {cells.length === 0 ? (
        <p className="muted">{t("dashboard.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.column.item")}</th>
              <th scope="col" className="numeric">
                {t("dashboard.workshops.column.sessions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={cell.key}>
                <th scope="row">{known(cell.key) ? enumLabel(keysOf, cell.key) : cell.key}</th>
                <td className="numeric">
                  <Count value={cell.count} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("dashboard.total")}</th>
              <td className="numeric">
                <Count value={table.total} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

export function WorkshopFigures({ workshops }: { workshops: Workshops }) {
  const { t } = useT();
  return (
    <section aria-labelledby="dashboard-workshops" className="dashboard-workshops">
      <h2 id="dashboard-workshops">{t("dashboard.workshops.title")}</h2>
      <p className="muted">{t("dashboard.workshops.apart")}</p>
      <dl className="tiles">
        {figures.map(({ name, label }) => (
          <div key={name} className="card">
            <dt className="small muted">{t(label)}</dt>
            <dd className="tile__value">
              <Count value={workshops[name]} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid-2">
        <FigureTable
          id="table-workshops-topic"
          title="dashboard.workshops.byTopic"
          keysOf="WorkshopTopic"
          table={workshops.byTopic}
        />
        <FigureTable
          id="table-workshops-audience"
          title="dashboard.workshops.byAudience"
          keysOf="WorkshopAudience"
          table={workshops.byAudience}
        />
      </div>
    </section>
  );
}
