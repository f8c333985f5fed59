import { minimumPasswordLength } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { mutate, setCsrfToken } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { navigate, useFocusHeadingOnRouteChange } from "../../app/router.tsx";
import { graphql } from "../../generated/gql.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { AuthFrame } from "./AuthFrame.tsx";
import { meQueryKey } from "./session.ts";

/** The invitation link's address: `/invitation#<token>` (organisations/invitations.ts). */
export const invitationPath = "/invitation";

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      __typename
      ... on AcceptInvitationSuccess {
        me {
          ...MeFields
        }
      }
      ...MutationFailure
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
    }
  }
`);

/** The page's fields: the API's rules for the password, an optional name, the password again. */
const acceptForm = z.object({
  displayName: z.string().trim().max(120),
  // The API's rule (acceptInvitationInput), said as "required" while the box is still empty.
  password: z.string().min(1).min(minimumPasswordLength).max(1024),
  confirmation: z.string(),
});

/**
 * The token, read once from the address's fragment (never sent to any server: a fragment is not
 * part of a request) and then taken out of the address bar and the history.
 */
function useInvitationToken(): string | null {
  const [token] = useState(() => {
    const fragment = location.hash.slice(1);
    if (fragment) history.replaceState(null, "", invitationPath);
    return fragment || null;
  });
  return token;
}

/**
 * `/invitation#<token>`: the person invited chooses her name and password (or, if her e-mail
 * already has an account, gives its password) and lands signed in, at home.
 */
export function AcceptInvitationPage() {
  const { t } = useT();
  useFocusHeadingOnRouteChange(invitationPath);
  const token = useInvitationToken();
  const queryClient = useQueryClient();
  const form = useDomainForm(acceptForm, {
    defaultValues: { displayName: "", password: "", confirmation: "" },
  });
  const field = fieldBinder(form);
  const accept = useMutation({
    mutationFn: (input: { token: string; password: string; displayName: string | null }) =>
      mutate(AcceptInvitation, (data) => data.acceptInvitation, { input }),
    onSuccess: ({ me }) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
      navigate("/", { replace: true });
    },
    onError: (error) => showFailure(form, error),
  });

  return (
    <AuthFrame title={t("acceptInvitation.title")}>
      {token ? (
        <>
          <p className="muted">{t("acceptInvitation.intro")}</p>
          <form
            onSubmit={form.handleSubmit(({ displayName, password, confirmation }) => {
              if (confirmation !== password) {
                form.setError(
                  "confirmation",
                  { type: "PASSWORDS_DIFFER", message: "PASSWORDS_DIFFER" },
                  { shouldFocus: true },
                );
                return;
              }
              if (!accept.isPending) accept.mutate({ token, password, displayName: displayName || null });
            })}
            noValidate
          >
            <TextField
              label={t("acceptInvitation.name")}
              hint={t("acceptInvitation.nameHint")}
              optional
              autoComplete="name"
              column="User.displayName"
              {...field("displayName")}
            />
            <TextField
              label={t("acceptInvitation.password")}
              hint={t("acceptInvitation.passwordHint")}
              type="password"
              autoComplete="new-password"
              required
              {...field("password")}
            />
            <TextField
              label={t("acceptInvitation.confirmation")}
              type="password"
              autoComplete="new-password"
              required
              {...field("confirmation")}
            />
            <FormAlert form={form} />
            <button
              type="submit"
              className="button button--primary button--block"
              aria-disabled={accept.isPending || undefined}
            >
              {accept.isPending ? t("acceptInvitation.submitting") : t("acceptInvitation.submit")}
            </button>
          </form>
        </>
      ) : (
        <p role="alert">{t("acceptInvitation.noToken")}</p>
      )}
    </AuthFrame>
  );
}
