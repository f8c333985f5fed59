import { createFormControl } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { type AppFailure, MutationFailure, RequestError } from "../app/graphql.ts";
import { showFailure } from "./domain-form.tsx";

function personForm() {
  return createFormControl({
    defaultValues: { alias: "", languages: "fr", grantee: "" },
  });
}

function errorsOf(form: ReturnType<typeof personForm>) {
  return form.control._formState.errors;
}

/** The API's refusal of a form's input, with its field problems. */
function invalidInput(fields: AppFailure["fields"]) {
  return new MutationFailure({
    code: "INPUT_VALIDATION",
    message: "Certaines informations sont invalides.",
    fields,
  });
}

describe("showFailure", () => {
  it("puts the API's field problems on their fields, by path or by the nearest field", () => {
    const form = personForm();
    showFailure(
      form,
      invalidInput([
        { path: "alias", code: "TOO_LONG", message: "Ce texte est trop long." },
        { path: "languages.1", code: "INVALID_FORMAT", message: "Le format n'est pas valide." },
      ]),
    );
    const errors = errorsOf(form);
    expect(errors.alias?.message).toBe("TOO_LONG");
    expect(errors.languages?.message).toBe("INVALID_FORMAT");
    expect(errors.root?.server?.type).toBe("INPUT_VALIDATION");
    expect(JSON.parse(errors.root?.server?.message ?? "")).toEqual({ unplaced: [] });
  });

  it("keeps a problem no field shows for the form's alert, and maps paths when told", () => {
    const form = personForm();
    showFailure(
      form,
      invalidInput([
        { path: "granteePartnershipId", code: "NOT_A_PARTNER", message: "…" },
        { path: "startsAt", code: "IN_THE_PAST", message: "…" },
      ]),
      (path) => (path.startsWith("grantee") ? "grantee" : null),
    );
    const errors = errorsOf(form);
    expect(errors.grantee?.message).toBe("NOT_A_PARTNER");
    expect(JSON.parse(errors.root?.server?.message ?? "")).toEqual({ unplaced: ["IN_THE_PAST"] });
  });

  it("says a failure of the request itself in the form's alert only", () => {
    const form = personForm();
    showFailure(form, new RequestError("NETWORK", "network"));
    const errors = errorsOf(form);
    expect(errors.root?.server?.type).toBe("NETWORK");
    expect(errors.alias).toBeUndefined();
  });

  it("keeps the wait of a refused sign-in", () => {
    const form = personForm();
    showFailure(
      form,
      new MutationFailure({ code: "TOO_MANY_ATTEMPTS", message: "…", fields: [], retryAfterSeconds: 120 }),
    );
    expect(JSON.parse(errorsOf(form).root?.server?.message ?? "")).toEqual({
      unplaced: [],
      retryAfterSeconds: 120,
    });
  });
});
