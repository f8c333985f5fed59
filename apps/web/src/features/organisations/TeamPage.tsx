import { mayChangeMemberRoles } from "@maillage/domain";
import { setMemberRolesInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useController } from "react-hook-form";
import { failureOf, mutate } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { Role } from "../../generated/enums.ts";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { type Me, useViewer } from "../auth/session.ts";
import { InvitationsSection } from "./InvitationsSection.tsx";
import { DeactivateButton, EndSessionsSection, SecondFactorOfMember } from "./MemberAccess.tsx";
import { loadTeam, organisationKeys, SetMemberRoles, type TeamMember } from "./organisations.graphql.ts";
import "./organisations.css";

/** The API's roles input (@maillage/domain/inputs): the form holds the roles only. */
const rolesForm = setMemberRolesInput.pick({ roles: true });

/**
 * Whether the viewer may give or take `role` from the member, by the domain's rule the API
 * applies (nobody grants a role to itself; only an org admin gives or takes ORG_ADMIN).
 */
function mayToggle(me: Me, member: TeamMember, role: Role): boolean {
  const next = member.roles.includes(role)
    ? member.roles.filter((held) => held !== role)
    : [...member.roles, role];
  return mayChangeMemberRoles(
    { userId: me.user.id, roles: me.roles },
    { userId: member.userId, current: member.roles },
    next,
  );
}

/** The viewer's own row: roles shown, not offered — another admin or a coordinator changes them. */
function OwnRoles({ member }: { member: TeamMember }) {
  const { t, enumLabel } = useT();
  return (
    <li className="card team-member">
      <h2>
        {member.displayName} <span className="small muted">({t("team.you")})</span>
      </h2>
      <p className="small muted">{member.email}</p>
      <p>
        {member.roles.length > 0
          ? member.roles.map((role) => enumLabel("Role", role)).join(" · ")
          : t("team.noRole")}
      </p>
      <p className="small muted">{t("team.ownRoles")}</p>
    </li>
  );
}

function MemberRoles({ member, onDeactivated }: { member: TeamMember; onDeactivated(name: string): void }) {
  const { t, enumLabel } = useT();
  const me = useViewer();
  const nameId = useId();
  const queryClient = useQueryClient();
  const form = useDomainForm(rolesForm, { defaultValues: { roles: member.roles } });
  const { errors, isDirty } = form.formState;
  const roles = useController({ control: form.control, name: "roles" });
  const save = useMutation({
    mutationFn: ({ roles: next }: { roles: Role[] }) =>
      mutate(SetMemberRoles, (data) => data.setMemberRoles, {
        input: { userId: member.userId, roles: next },
      }),
    onSuccess: ({ member: saved }) => {
      form.reset({ roles: saved.roles });
      queryClient.setQueryData<TeamMember[]>(organisationKeys.team, (team) =>
        team?.map((m) => (m.userId === saved.userId ? saved : m)),
      );
    },
    onError: async (error) => {
      showFailure(form, error);
      if (failureOf(error).code !== "FORBIDDEN") return;
      // Refused on the roles the page showed: they may have changed since. Show the current
      // ones, keeping the refusal on screen.
      await queryClient.invalidateQueries({ queryKey: organisationKeys.team });
      const current = queryClient
        .getQueryData<TeamMember[]>(organisationKeys.team)
        ?.find((m) => m.userId === member.userId);
      if (current) form.reset({ roles: current.roles }, { keepErrors: true });
    },
  });
  const selected: Role[] = roles.field.value;
  const offered = enumOptions("Role").map((role) => ({ role, enabled: mayToggle(me, member, role) }));
  const firstEnabled = offered.find((option) => option.enabled)?.role;
  const refused = save.isError && failureOf(save.error).code === "FORBIDDEN";
  return (
    <li className="card team-member">
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
        <h2 id={nameId}>{member.displayName}</h2>
        <p className="small muted">{member.email}</p>
        <FormAlert form={form} />
        {refused ? <p className="alert alert--warn">{t("team.refused")}</p> : null}
        <FieldSet legend={t("team.roles", { name: member.displayName })} error={errors.roles}>
          {offered.map(({ role, enabled }) => (
            <label key={role} className="check-row">
              <input
                // The first role that can change takes the focus when the choice is refused.
                ref={role === firstEnabled ? roles.field.ref : undefined}
                type="checkbox"
                checked={selected.includes(role)}
                disabled={!enabled}
                onChange={(event) =>
                  roles.field.onChange(
                    event.target.checked ? [...selected, role] : selected.filter((held) => held !== role),
                  )
                }
              />
              <span>
                {enumLabel("Role", role)}
                {/* Why a coordinator cannot tick it, in the checkbox's own name. */}
                {!enabled && role === "ORG_ADMIN" ? (
                  <span className="small muted"> — {t("team.adminRoleByAdmin")}</span>
                ) : null}
              </span>
            </label>
          ))}
        </FieldSet>
        <div role="status" className={save.isSuccess && !isDirty ? "alert alert--ok" : "visually-hidden"}>
          {save.isSuccess && !isDirty ? t("team.saved", { name: member.displayName }) : null}
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending}
          aria-describedby={nameId}
        >
          {save.isPending ? t("team.saving") : t("app.save")}
        </button>
      </form>
      <SecondFactorOfMember member={member} />
      <DeactivateButton member={member} onDeactivated={onDeactivated} />
    </li>
  );
}

/**
 * /equipe: the organisation's members and their roles, invitations, deactivation, and ending
 * every session of the team (org admins and coordinators; the last, org admins).
 */
export function TeamPage() {
  const { t } = useT();
  const me = useViewer();
  const team = useQuery({ queryKey: organisationKeys.team, queryFn: loadTeam });
  // The card of a deactivated member goes: the page says so where focus returns.
  const [deactivated, setDeactivated] = useState<string | null>(null);
  const deactivatedStatus = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (deactivated) deactivatedStatus.current?.focus();
  }, [deactivated]);
  return (
    <section className="page">
      <h1>{t("team.title")}</h1>
      <p className="muted">{t("team.intro")}</p>
      <p className="alert alert--warn">{t("team.leastPrivilege")}</p>
      <p
        ref={deactivatedStatus}
        role="status"
        tabIndex={-1}
        className={deactivated ? "alert alert--ok" : "visually-hidden"}
      >
        {deactivated ? t("members.deactivated", { name: deactivated }) : null}
      </p>
      <Loaded query={team} emptyWhen={(members) => members.length === 0} emptyText={t("team.empty")}>
        {(members) => (
          <ul className="card-list">
            {members.map((member) =>
              member.userId === me.user.id ? (
                <OwnRoles key={member.userId} member={member} />
              ) : (
                <MemberRoles key={member.userId} member={member} onDeactivated={setDeactivated} />
              ),
            )}
          </ul>
        )}
      </Loaded>
      <InvitationsSection />
      <EndSessionsSection />
    </section>
  );
}
