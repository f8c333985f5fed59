import { useT } from "../../app/i18n/index.tsx";
import { Link, usePath } from "../../app/router.tsx";
import type { Me } from "../auth/session.ts";
import { securityPath } from "./account-paths.ts";

/**
 * On every page but the security page, while a role of the acting organisation waits for
 * two-step sign-in (the API withholds it): says so, with the way to turn it on.
 */
export function SecondFactorNotice({ me }: { me: Me }) {
  const { t } = useT();
  const { pathname } = usePath();
  if (me.secondFactor.withheldRoles.length === 0 || pathname === securityPath) return null;
  return (
    <p className="alert alert--warn">
      {t("account.notice")} <Link to={securityPath}>{t("account.noticeLink")}</Link>
    </p>
  );
}
