import { signInInput } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { mutate, setCsrfToken } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { useFocusHeadingOnRouteChange, usePath } from "../../app/router.tsx";
import { graphql } from "../../generated/gql.ts";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { LanguageSwitch } from "../../ui/LanguageSwitch.tsx";
import { meQueryKey } from "./session.ts";

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
        me {
          ...MeFields
        }
      }
      ... on AppError {
        code
        message
      }
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
      ... on InputValidationError {
        fields {
          path
          code
          message
        }
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
  const form = useDomainForm(signInInput, { defaultValues: { email: "", password: "" } });
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      mutate(SignIn, (data) => data.signIn, { input }),
    onSuccess: ({ me }) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
    onError: (error) => showFailure(form, error),
  });
  // A refused pair marks both fields, explained by the form's alert (which one is wrong is not said).
  const refusedPair =
    form.formState.errors.root?.server?.type === "INVALID_CREDENTIALS" ? alertId : undefined;
  const { errors } = form.formState;

  return (
    <div className="sign-in">
      <header className="sign-in__lang">
        <LanguageSwitch />
      </header>
      <main className="sign-in__card" id="main">
        <p className="brand" aria-hidden="true">
          <span className="brand__mark">M</span> {t("app.name")}
        </p>
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("auth.intro")}</p>
        <form
          onSubmit={form.handleSubmit((input) => {
            if (!signIn.isPending) signIn.mutate(input);
          })}
          noValidate
        >
          <Field label={t("auth.email")} error={errors.email} invalidBecause={refusedPair}>
            {(control) => (
              <input
                {...control}
                {...form.register("email")}
                type="email"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                required
              />
            )}
          </Field>
          <Field label={t("auth.password")} error={errors.password} invalidBecause={refusedPair}>
            {(control) => (
              <input
                {...control}
                {...form.register("password")}
                type="password"
                autoComplete="current-password"
                required
              />
            )}
          </Field>
          <FormAlert form={form} id={alertId} />
          <button
            type="submit"
            className="button button--primary button--block"
            aria-disabled={signIn.isPending || undefined}
          >
            {signIn.isPending ? t("auth.submitting") : t("auth.submit")}
          </button>
        </form>
        <p className="small muted">{t("auth.confidentiality")}</p>
      </main>
    </div>
  );
}
