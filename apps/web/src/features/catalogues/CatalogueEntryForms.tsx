/**
 * Adding an entry to a list of the catalogue and changing an entry's names. The code of a new
 * entry is suggested from its name (codeFromLabel) until the coordinator types one herself; once
 * saved it never changes, since records and the partnership's indicators name the entry by it.
 */
import { codeFromLabel } from "@maillage/domain/inputs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import type { CatalogueList } from "../../generated/enums.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumSelectField } from "../../ui/EnumSelectField.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { type AddEntryValues, addEntryForm, type EditEntryValues, editEntryForm } from "./catalogue-forms.ts";
import {
  AddCatalogueEntry,
  type CatalogueEntryItem,
  catalogueKeys,
  UpdateCatalogueEntry,
} from "./catalogues.graphql.ts";

type NamesAndKind = { labelFr: string; labelEn: string; category?: string; unit?: string };

/** The names and, for material, the category and unit. */
function EntryFields<T extends FieldValues & NamesAndKind>({
  form,
  list,
  onFrenchName,
  placeholders,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  list: CatalogueList;
  onFrenchName?: (name: string) => void;
  /** Whether the selects start with no choice (a new item). */
  placeholders: boolean;
}) {
  const { t } = useT();
  const field = fieldBinder(form);
  const name = (key: keyof NamesAndKind) => key as Path<T>;
  return (
    <div className="grid-2">
      <TextField
        label={t("catalogue.labelFr")}
        lang="fr"
        autoComplete="off"
        column="CatalogueEntry.labelFr"
        {...field(name("labelFr"), {
          onChange: (event: { target: { value: string } }) => onFrenchName?.(event.target.value),
        })}
      />
      <TextField
        label={t("catalogue.labelEn")}
        lang="en"
        autoComplete="off"
        column="CatalogueEntry.labelEn"
        {...field(name("labelEn"))}
      />
      {list === "MATERIAL" ? (
        <>
          <EnumSelectField
            vocabulary="MaterialCategory"
            label={t("catalogue.category")}
            placeholder={placeholders ? t("catalogue.choose") : undefined}
            {...field(name("category"))}
          />
          <EnumSelectField
            vocabulary="MaterialUnit"
            label={t("catalogue.unit")}
            placeholder={placeholders ? t("catalogue.choose") : undefined}
            {...field(name("unit"))}
          />
        </>
      ) : null}
    </div>
  );
}

const emptyEntry = (list: CatalogueList): AddEntryValues => ({
  list,
  code: "",
  labelFr: "",
  labelEn: "",
  category: "",
  unit: "",
});

/** The id of the add form's heading (the page's "add" button brings the coordinator there). */
export const addFormTitleId = (list: CatalogueList) => `catalogue-add-${list}`;

/** A new entry of `list`: its two names, its shared code, and a material item's category and unit. */
export function AddEntryForm({ list }: { list: CatalogueList }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(addEntryForm, { defaultValues: emptyEntry(list) });
  const field = fieldBinder(form);
  // The code follows the names until the coordinator types one (and again if she empties it).
  const [codeTyped, setCodeTyped] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const suggest = (labelFr: string, labelEn: string) => {
    if (!codeTyped) form.setValue("code", codeFromLabel(labelFr) || codeFromLabel(labelEn));
  };
  const add = useMutation({
    mutationFn: (values: z.output<typeof addEntryForm>) =>
      mutate(AddCatalogueEntry, (data) => data.addCatalogueEntry, {
        input: {
          list,
          code: values.code,
          labelFr: values.labelFr,
          labelEn: values.labelEn,
          category: values.category ?? null,
          unit: values.unit ?? null,
        },
      }),
    onSuccess: (_result, values) => {
      setAdded(t("catalogue.added", { label: values.labelFr }));
      setCodeTyped(false);
      form.reset(emptyEntry(list));
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
    onError: (error) => {
      setAdded(null);
      showFailure(form, error);
    },
  });
  const titleId = addFormTitleId(list);
  return (
    <form
      onSubmit={form.handleSubmit((values) => add.mutate(values))}
      noValidate
      className="card"
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{t(`catalogue.add.${list}`)}</h2>
      {list === "PLATFORM" ? <p className="small">{t("catalogue.platformRule")}</p> : null}
      <FormAlert form={form} />
      <EntryFields
        form={form}
        list={list}
        placeholders
        onFrenchName={(labelFr) => suggest(labelFr, form.getValues("labelEn"))}
      />
      <TextField
        label={t("catalogue.code")}
        hint={t("catalogue.codeHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        column="CatalogueEntry.code"
        className="catalogue__code"
        {...field("code", {
          onChange: (event: { target: { value: string } }) => setCodeTyped(event.target.value !== ""),
          onBlur: () => {
            if (!form.getValues("code")) suggest(form.getValues("labelFr"), form.getValues("labelEn"));
          },
        })}
      />
      <button type="submit" className="button button--primary" disabled={add.isPending}>
        {t(`catalogue.add.${list}`)}
      </button>
      <SuccessStatus shown={added !== null && !form.formState.isDirty}>{added}</SuccessStatus>
    </form>
  );
}

function valuesOf(entry: CatalogueEntryItem): EditEntryValues {
  return {
    code: entry.code,
    labelFr: entry.labelFr,
    labelEn: entry.labelEn,
    category: entry.category ?? "",
    unit: entry.unit ?? "",
  };
}

/** An entry's names (and a material item's category and unit), changed in its card. */
export function EditEntryForm({
  entry,
  label,
  onDone,
}: {
  entry: CatalogueEntryItem;
  label: string;
  onDone(saved: boolean): void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [schema] = useState(() => editEntryForm(entry.list));
  const form = useDomainForm(schema, { defaultValues: valuesOf(entry) });
  const save = useMutation({
    mutationFn: (values: z.output<typeof schema>) =>
      mutate(UpdateCatalogueEntry, (data) => data.updateCatalogueEntry, {
        input: {
          code: entry.code,
          labelFr: values.labelFr,
          labelEn: values.labelEn,
          category: values.category ?? null,
          unit: values.unit ?? null,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      onDone(true);
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      noValidate
      aria-label={t("catalogue.editTitle", { label })}
    >
      <FormAlert form={form} />
      <EntryFields form={form} list={entry.list} placeholders={false} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t("catalogue.save")}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
