import { signInInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { failureOf, mutate, setCsrfToken } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { useFocusHeadingOnRouteChange, usePath } from "../../app/router.tsx";
import { graphql } from "../../generated/gql.ts";
import { CheckboxInput } from "../../ui/CheckboxInput.tsx";
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
 * app takes the person to the page they asked for, or home (app/App.tsx). An account with
 * two-step sign-in is asked, after the right password, for its authenticator's code (or a
 * recovery code) in a second step of the same form, which may remember this browser.
 */
export function SignInPage() {
  const { t } = useT();
  const { pathname } = usePath();
  useFocusHeadingOnRouteChange(pathname);
  const queryClient = useQueryClient();
  const alertId = useId();
  // Told from the moment the API said the session ended until the next sign-in.
  const [sessionEnded] = useState(sessionEndedNoticeShown);
  const form = useDomainForm(signInInput, {
    defaultValues: { email: "", password: "", code: undefined, rememberDevice: false },
  });
  const field = fieldBinder(form);
  // The password was right and the account asks for its second factor.
  const [askingCode, setAskingCode] = useState(false);
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string; code?: string; rememberDevice?: boolean }) =>
      mutate(SignIn, (data) => data.signIn, { input }),
    onSuccess: ({ me }) => {
      clearSessionEndedNotice();
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
    onError: (error) => {
      if (failureOf(error).code === "SECOND_FACTOR_REQUIRED") setAskingCode(true);
      else showFailure(form, error);
    },
  });
  // The code's box appears where the person is looking, focused.
  useEffect(() => {
    if (askingCode) form.setFocus("code");
  }, [askingCode, form]);
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
        {askingCode ? (
          <fieldset>
            <legend>{t("auth.secondStep")}</legend>
            <p className="small">{t("auth.codeIntro")}</p>
            <TextField
              label={t("auth.code")}
              hint={t("auth.codeHint")}
              {...field("code")}
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
            <CheckboxInput label={t("auth.rememberDevice")} {...form.register("rememberDevice")} />
          </fieldset>
        ) : null}
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
