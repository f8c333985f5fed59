import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { graphql, isAppError } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import type { Role } from "../auth/session.ts";
import type { MutationResult } from "../referrals/referrals.graphql.ts";
import { type TeamMember, teamQuery, teamQueryKey } from "./team.graphql.ts";
import "./audit.css";

const allRoles: Role[] = ["OUTREACH_WORKER", "NURSE", "COORDINATOR", "ORG_ADMIN"];

const setRolesMutation = `mutation SetMemberRoles($input: SetMemberRolesInput!) {
  setMemberRoles(input: $input) {
    __typename
    ... on SetMemberRolesSuccess { member { userId displayName email roles } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

function MemberRoles({ member }: { member: TeamMember }) {
  const { t } = useT();
  const ids = useId();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [saved, setSaved] = useState(false);
  const failure = useFormFailure();
  const save = useMutation({
    mutationFn: () =>
      graphql<{ setMemberRoles: MutationResult<{ member: TeamMember }> }>(setRolesMutation, {
        input: { userId: member.userId, roles },
      }),
    onSuccess: ({ setMemberRoles: result }) => {
      if (isAppError(result)) {
        failure.fromResult(result);
        return;
      }
      failure.clear();
      setSaved(true);
      queryClient.setQueryData<{ team: TeamMember[] }>(teamQueryKey, (data) =>
        data ? { team: data.team.map((m) => (m.userId === member.userId ? result.member : m)) } : data,
      );
    },
    onError: failure.fromError,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }

  return (
    <li className="card team-member">
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-name`}>{member.displayName}</h2>
        <p className="small muted">{member.email}</p>
        {failure.summary()}
        <fieldset>
          <legend className="visually-hidden">{t("team.roles", { name: member.displayName })}</legend>
          {allRoles.map((role) => (
            <label key={role} className="check-row" htmlFor={`${ids}-${role}`}>
              <input
                id={`${ids}-${role}`}
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) => {
                  setSaved(false);
                  setRoles((current) =>
                    event.target.checked ? [...current, role] : current.filter((r) => r !== role),
                  );
                }}
              />
              <span>{t(`role.${role}` as MessageKey)}</span>
            </label>
          ))}
          {failure.fieldError("roles")}
        </fieldset>
        <div role="status" className={saved ? "alert alert--ok" : "visually-hidden"}>
          {saved ? t("team.saved", { name: member.displayName }) : null}
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending}
          aria-describedby={`${ids}-name`}
        >
          {save.isPending ? t("team.saving") : t("app.save")}
        </button>
      </form>
    </li>
  );
}

/** /equipe: the organisation's members and their roles (org admins). */
export function TeamPage() {
  const { t } = useT();
  const team = useQuery({
    queryKey: teamQueryKey,
    queryFn: () => graphql<{ team: TeamMember[] }>(teamQuery),
  });
  return (
    <section className="page">
      <h1>{t("team.title")}</h1>
      <p className="muted">{t("team.intro")}</p>
      <p className="alert alert--warn">{t("team.leastPrivilege")}</p>
      {team.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : team.isError ? (
        <QueryFailure error={team.error} onRetry={() => void team.refetch()} />
      ) : team.data.team.length === 0 ? (
        <p className="muted">{t("team.empty")}</p>
      ) : (
        <ul className="card-list">
          {team.data.team.map((member) => (
            <MemberRoles key={member.userId} member={member} />
          ))}
        </ul>
      )}
    </section>
  );
}
