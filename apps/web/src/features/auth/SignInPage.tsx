import { signInInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { mutate, setCsrfToken } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { useFocusHeadingOnRouteChange, usePath } from "../../app/router.tsx";
import { graphql } from "../../generated/gql.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { AuthFrame } from "./AuthFrame.tsx";
import { clearSessionEndedNotice, meQueryKey, sessionEndedNoticeShown } from "./session.ts";

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
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

/**
 * The sign-in page (`/connexion`). On success the `me` query holds the new session and the
 * app takes the person to the page they asked for, or home (app/App.tsx).
 */
export function SignInPage() {
  const { t } = useT();
  const { pathname } = usePath();
  useFocusHeadingOnRouteChange(pathname);
  const queryClient = useQueryClient();
  const alertId = useId();
  // Told from the moment the API said the session ended until the next sign-in.
  const [sessionEnded] = useState(sessionEndedNoticeShown);
  const form = useDomainForm(signInInput, { defaultValues: { email: "", password: "" } });
  const field = fieldBinder(form);
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      mutate(SignIn, (data) => data.signIn, { input }),
    onSuccess: ({ me }) => {
      clearSessionEndedNotice();
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
    onError: (error) => showFailure(form, error),
  });
  // A refused pair marks both fields, explained by the form's alert (which one is wrong is not said).
  const refusedPair =
    form.formState.errors.root?.server?.type === "INVALID_CREDENTIALS" ? alertId : undefined;

  return (
    <AuthFrame title={t("auth.title")}>
      {sessionEnded ? (
        <p role="status" className="alert">
          {t("auth.sessionEnded")}
        </p>
      ) : null}
      <p className="muted">{t("auth.intro")}</p>
      <form
        onSubmit={form.handleSubmit((input) => {
          if (!signIn.isPending) signIn.mutate(input);
        })}
        noValidate
      >
        <TextField
          label={t("auth.email")}
          {...field("email")}
          invalidBecause={refusedPair}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          label={t("auth.password")}
          {...field("password")}
          invalidBecause={refusedPair}
          type="password"
          autoComplete="current-password"
          required
        />
        <FormAlert form={form} id={alertId} />
        <button
          type="submit"
          className="button button--primary button--block"
          aria-disabled={signIn.isPending || undefined}
        >
          {signIn.isPending ? t("auth.submitting") : t("auth.submit")}
        </button>
      </form>
    </AuthFrame>
  );
}
