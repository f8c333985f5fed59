/**
 * The import's first step: what the file holds (one of the five shapes, each said in one line),
 * its empty templates in French and English, and the file itself, sent to the API (nothing is
 * saved yet: the file waits for the next steps).
 */

import { withFieldCode } from "@maillage/domain/inputs";
import { type RecordShapeName, recordShapes, shapeDefinitions } from "@maillage/domain/record-shapes";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { z } from "zod";
import { failureOf } from "../../app/graphql.ts";
import { type Language, languages, useT } from "../../app/i18n/index.tsx";
import { useDomainForm } from "../../ui/domain-form.tsx";
import { Field, FieldSet } from "../../ui/Field.tsx";
import { useFailureText } from "./import-failures.ts";
import { type SheetFormat, sheetFormats, templateUrl, uploadImportFile } from "./import-files.ts";
import { previewQuery } from "./imports.graphql.ts";

const chooseForm = z.object({
  shape: z
    .string()
    .min(1)
    .pipe(z.enum(recordShapes as unknown as [RecordShapeName, ...RecordShapeName[]])),
  files: z.custom<FileList>(
    (value) => value instanceof FileList && value.length > 0,
    withFieldCode("REQUIRED"),
  ),
});

/** A file the API keeps, and what it holds. */
export interface Uploaded {
  fileId: string;
  fileName: string;
  shape: RecordShapeName;
}

function Templates({ shape }: { shape: RecordShapeName }) {
  const { t, language } = useT();
  const headingId = useId();
  const languageName: Record<Language, string> = {
    fr: t("imports.templates.fr"),
    en: t("imports.templates.en"),
  };
  return (
    <section aria-labelledby={headingId} className="imports__templates">
      <h3 id={headingId}>{t("imports.templates.title")}</h3>
      <p className="small muted">{t("imports.templates.intro")}</p>
      <ul className="imports__template-links">
        {[language, ...languages.filter((other) => other !== language)].map((templateLanguage) =>
          sheetFormats.map((format: SheetFormat) => (
            <li key={`${templateLanguage}-${format}`}>
              <a
                href={templateUrl(shape, templateLanguage, format)}
                download
                className="button button--quiet"
              >
                {t("imports.templates.link", {
                  language: languageName[templateLanguage],
                  format: format.toUpperCase(),
                })}
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

export function ChooseFileStep({
  initialShape,
  onUploaded,
}: {
  initialShape: RecordShapeName | null;
  onUploaded(uploaded: Uploaded): void;
}) {
  const { t, language } = useT();
  const failureText = useFailureText();
  const queryClient = useQueryClient();
  const alertId = useId();
  const form = useDomainForm(chooseForm, {
    defaultValues: { shape: initialShape ?? "", files: undefined },
  });
  const shape = form.watch("shape") as RecordShapeName | "";
  const upload = useMutation({
    mutationFn: async (values: z.output<typeof chooseForm>) => {
      const file = values.files.item(0) as File;
      const uploaded = { fileId: await uploadImportFile(file), fileName: file.name, shape: values.shape };
      // Read as its shape before the next step: a file that cannot be is refused here, at its field.
      await queryClient.fetchQuery(previewQuery(uploaded, language));
      return uploaded;
    },
    onSuccess: onUploaded,
  });
  const refusal = upload.isError ? failureText(failureOf(upload.error)) : null;
  return (
    <form
      noValidate
      aria-label={t("imports.import.title")}
      onSubmit={form.handleSubmit((values) => upload.mutate(values))}
    >
      <FieldSet legend={t("imports.shape.legend")} error={form.formState.errors.shape}>
        <div className="imports__shapes">
          {recordShapes.map((name) => {
            const definition = shapeDefinitions[name];
            return (
              <label key={name} className="imports__shape">
                <input type="radio" value={name} {...form.register("shape")} />
                <span>
                  <span className="imports__shape-name">{definition.label[language]}</span>
                  <span className="small muted imports__shape-description">
                    {definition.description[language]}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </FieldSet>
      {shape ? <Templates shape={shape} /> : null}
      <Field
        label={t("imports.file.label")}
        hint={t("imports.file.hint")}
        error={form.formState.errors.files}
        invalidBecause={refusal ? alertId : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            {...form.register("files", { onChange: () => upload.reset() })}
          />
        )}
      </Field>
      <div id={alertId} role="alert" className={refusal ? "alert alert--error" : "visually-hidden"}>
        {refusal}
      </div>
      <button type="submit" className="button button--primary" disabled={upload.isPending}>
        {upload.isPending ? t("imports.file.sending") : t("imports.file.send")}
      </button>
    </form>
  );
}
