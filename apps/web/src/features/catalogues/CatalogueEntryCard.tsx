/**
 * One entry of the catalogue in its card: its names in both languages, a material item's
 * category and unit, its code, whether it is retired; changed, retired or brought back in place,
 * deleted (after a confirmation) only while no record names it. Every outcome is said in the card.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { failureOf, mutate } from "../../app/graphql.ts";
import { fieldMessageKey, useT } from "../../app/i18n/index.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { EditEntryForm } from "./CatalogueEntryForms.tsx";
import {
  type CatalogueEntryItem,
  catalogueKeys,
  DeleteCatalogueEntry,
  RestoreCatalogueEntry,
  RetireCatalogueEntry,
} from "./catalogues.graphql.ts";

type CardState = "shown" | "editing" | "confirmingDelete";
type Outcome = "saved" | "retired" | "restored" | null;

/** The entry's name in the page's language, and its other name. */
export function useEntryNames(entry: Pick<CatalogueEntryItem, "labelFr" | "labelEn">) {
  const { language } = useT();
  return language === "en"
    ? { label: entry.labelEn, other: entry.labelFr, otherLang: "fr" }
    : { label: entry.labelFr, other: entry.labelEn, otherLang: "en" };
}

/** What takes the focus when it appears (a question to answer, a notice), read out from its start. */
export function FocusedOnArrival({ children }: { children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), []);
  return (
    <div ref={region} tabIndex={-1} className="catalogue__arrival">
      {children}
    </div>
  );
}

export function CatalogueEntryCard({
  entry,
  onDeleted,
}: {
  entry: CatalogueEntryItem;
  onDeleted(label: string): void;
}) {
  const { t, enumLabel, failureMessage, language } = useT();
  const queryClient = useQueryClient();
  const { label, other, otherLang } = useEntryNames(entry);
  const [state, setState] = useState<CardState>("shown");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // The button the focus goes back to once the card is drawn again (an effect runs after the
  // render that shows it; an animation frame may come before it).
  const [focusBack, setFocusBack] = useState<"edit" | "delete" | null>(null);
  useEffect(() => {
    if (state !== "shown" || !focusBack) return;
    (focusBack === "edit" ? editButton : deleteButton).current?.focus();
    setFocusBack(null);
  }, [state, focusBack]);
  const input = { input: { code: entry.code } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
  const retire = useMutation({
    mutationFn: () => mutate(RetireCatalogueEntry, (data) => data.retireCatalogueEntry, input),
    onSuccess: async () => {
      await refresh();
      setOutcome("retired");
    },
  });
  const restore = useMutation({
    mutationFn: () => mutate(RestoreCatalogueEntry, (data) => data.restoreCatalogueEntry, input),
    onSuccess: async () => {
      await refresh();
      setOutcome("restored");
    },
  });
  const remove = useMutation({
    mutationFn: () => mutate(DeleteCatalogueEntry, (data) => data.deleteCatalogueEntry, input),
    onSuccess: async () => {
      onDeleted(label);
      await refresh();
    },
    onError: () => setState("shown"),
  });
  const toggle = entry.retired ? restore : retire;
  const failed = retire.error ?? restore.error ?? remove.error;
  // IN_USE and the like come as a field problem of the code: said as the field's message.
  const failure = failed ? failureOf(failed) : null;
  const failureText = failure
    ? [
        failureMessage(failure),
        ...failure.fields.map((problem) => t(fieldMessageKey(problem.code) ?? "field.INVALID_VALUE")),
      ]
        .filter((text, index, all) => all.indexOf(text) === index)
        .join(" ")
    : null;
  // A material item's kind: "Naloxone (trousse)", its unit in lower case after its category.
  const kind =
    entry.category && entry.unit
      ? `${enumLabel("MaterialCategory", entry.category)} (${enumLabel("MaterialUnit", entry.unit).toLocaleLowerCase(language)})`
      : null;
  const clearOutcome = () => {
    setOutcome(null);
    retire.reset();
    restore.reset();
    remove.reset();
  };
  return (
    <li className={entry.retired ? "card catalogue-entry catalogue-entry--retired" : "card catalogue-entry"}>
      <div className="row row--between">
        <h2 className="catalogue-entry__name">{label}</h2>
        {entry.retired ? <span className="badge badge--warn">{t("catalogue.retired")}</span> : null}
      </div>
      {state === "editing" ? (
        <EditEntryForm
          entry={entry}
          label={label}
          onDone={(saved) => {
            setOutcome(saved ? "saved" : null);
            setState("shown");
            // Back where the coordinator was: the button that opened the form.
            setFocusBack("edit");
          }}
        />
      ) : (
        <>
          <p className="small catalogue-entry__fact">
            {t("catalogue.otherName")} <span lang={otherLang}>{other}</span>
          </p>
          {kind ? <p className="small catalogue-entry__fact">{kind}</p> : null}
          <p className="small muted catalogue-entry__fact">
            {t("catalogue.codeShown")} <code className="catalogue__code">{entry.code}</code>
          </p>
          {entry.inUse ? <p className="small muted catalogue-entry__fact">{t("catalogue.inUse")}</p> : null}
        </>
      )}
      <div role="status" className={outcome ? "alert alert--ok" : "visually-hidden"}>
        {outcome === "saved"
          ? t("catalogue.saved")
          : outcome === "retired"
            ? t("catalogue.retiredNow")
            : outcome === "restored"
              ? t("catalogue.restoredNow")
              : null}
      </div>
      {failureText ? (
        <p role="alert" className="alert alert--error">
          {failureText}
        </p>
      ) : null}
      {state === "confirmingDelete" ? (
        <FocusedOnArrival>
          <ConfirmDialog
            label={t("catalogue.deleteNamed", { label })}
            question={t("catalogue.deleteQuestion", { label })}
            confirmLabel={t("catalogue.delete")}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => {
              setState("shown");
              setFocusBack("delete");
            }}
          />
        </FocusedOnArrival>
      ) : null}
      {state === "shown" ? (
        <div className="row">
          <button
            ref={editButton}
            type="button"
            className="button"
            aria-label={t("catalogue.editNamed", { label })}
            onClick={() => {
              clearOutcome();
              setState("editing");
            }}
          >
            {t("catalogue.edit")}
          </button>
          {/* One button for both: it keeps the focus when the entry is retired or brought back. */}
          <button
            type="button"
            className="button"
            // Not `disabled` while it works: a disabled button loses the focus.
            aria-disabled={toggle.isPending || undefined}
            aria-label={t(entry.retired ? "catalogue.restoreNamed" : "catalogue.retireNamed", { label })}
            onClick={() => {
              if (toggle.isPending) return;
              clearOutcome();
              toggle.mutate();
            }}
          >
            {t(entry.retired ? "catalogue.restore" : "catalogue.retire")}
          </button>
          {entry.inUse ? null : (
            <button
              ref={deleteButton}
              type="button"
              className="button button--quiet catalogue-entry__delete"
              aria-label={t("catalogue.deleteNamed", { label })}
              onClick={() => {
                clearOutcome();
                setState("confirmingDelete");
              }}
            >
              {t("catalogue.delete")}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}
