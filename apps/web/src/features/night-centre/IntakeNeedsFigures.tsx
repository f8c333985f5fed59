/**
 * The dashboard's intake answers: how many intake forms were filled in, and for each domain how
 * many persons had no need, a long-term one, an immediate one, or were not asked. A committee's
 * figures come suppressed from the API ("x"), each domain's row on its own.
 */
import { intakeNeedLevels } from "@maillage/domain";
import { useT } from "../../app/i18n/index.tsx";
import { Fact } from "../../ui/Fact.tsx";
import { Count } from "../dashboards/Count.tsx";
import "./night-centre.css";
import type { Dashboard } from "../dashboards/dashboards.graphql.ts";

type IntakeNeeds = Dashboard["intakeNeeds"];
const columns = [...intakeNeedLevels, "NOT_ASKED"] as const;

export function IntakeNeedsFigures({ intakeNeeds }: { intakeNeeds: IntakeNeeds }) {
  const { t, enumLabel } = useT();
  const heading = (column: (typeof columns)[number]) =>
    column === "NOT_ASKED" ? t("dashboard.intakeNeeds.NOT_ASKED") : enumLabel("IntakeNeedLevel", column);
  return (
    <section aria-labelledby="intake-needs-title">
      <h2 id="intake-needs-title">{t("dashboard.intakeNeeds.title")}</h2>
      <dl className="facts">
        <Fact term={t("dashboard.intakeNeeds.assessed")}>
          <Count value={intakeNeeds.assessed} />
        </Fact>
      </dl>
      <div className="table-scroll">
        <table className="intake-needs">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.intakeNeeds.domain")}</th>
              {columns.map((column) => (
                <th key={column} scope="col" className="numeric">
                  {heading(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {intakeNeeds.domains.map((row) => (
              <tr key={row.domain}>
                <th scope="row">{enumLabel("IntakeDomain", row.domain)}</th>
                {columns.map((column) => {
                  const cell = row.levels.cells.find((c) => c.key === column);
                  return (
                    <td key={column} className="numeric">
                      <Count value={cell ? cell.count : 0} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
