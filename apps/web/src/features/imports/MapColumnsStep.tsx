/**
 * The import's second step: for each field of the shape, which column of the file fills it
 * (pre-filled from the headers, every required field checked before sending), beside the file's
 * first rows; then the dry run.
 */
import { withFieldCode } from "@maillage/domain/inputs";
import { useEffect, useId, useRef } from "react";
import { z } from "zod";
import { useT } from "../../app/i18n/index.tsx";
import { useDomainForm } from "../../ui/domain-form.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import type { ColumnChoice, FilePreview, MappableField } from "./import-steps.ts";

function mappingForm(fields: readonly MappableField[]) {
  return z.object({ columns: z.array(z.string()) }).superRefine((values, context) => {
    fields.forEach((field, index) => {
      if (field.required && !values.columns[index])
        context.addIssue({ code: "custom", path: ["columns", index], ...withFieldCode("REQUIRED") });
    });
  });
}

export function PreviewTable({ preview }: { preview: FilePreview }) {
  const { t } = useT();
  const headingId = useId();
  return (
    <>
      <h3 id={headingId}>{t("imports.preview.title")}</h3>
      {/* Scrolls sideways on its own (a keyboard reaches it): the page stays the screen's width. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keyboard. */}
      <section className="table-scroll imports__preview" tabIndex={0} aria-labelledby={headingId}>
        <table>
          <caption className="visually-hidden">
            {t("imports.preview.caption", { count: preview.rows.length, file: preview.fileName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.preview.line")}</th>
              {preview.headers.map((header, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file's headers may repeat or be empty.
                <th key={index} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <th scope="row" className="numeric">
                  {row.line}
                </th>
                {preview.headers.map((_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are the file's, in its order.
                  <td key={index}>{row.cells[index] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function MapColumnsStep({
  preview,
  initial,
  onCheck,
  onOtherFile,
}: {
  preview: FilePreview;
  /** The columns chosen before (back from the check), else the suggestion. */
  initial: readonly ColumnChoice[] | null;
  onCheck(mapping: ColumnChoice[]): void;
  onOtherFile(): void;
}) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { fields } = preview;
  const chosen = new Map(initial?.map((choice) => [choice.field, choice.column]) ?? preview.suggested);
  const form = useDomainForm(mappingForm(fields), {
    defaultValues: { columns: fields.map((field) => chosen.get(field.key) ?? "") },
  });
  useEffect(() => headingRef.current?.focus(), []);
  const choices = preview.headers.filter(Boolean).map((header) => ({ value: header, label: header }));
  const select = (field: MappableField) => {
    const index = fields.indexOf(field);
    return (
      <SelectField
        key={field.key}
        label={field.required ? `${field.label} (${t("imports.map.required")})` : field.label}
        hint={field.description}
        choices={choices}
        placeholder={t("imports.map.none")}
        error={form.formState.errors.columns?.[index]}
        {...form.register(`columns.${index}`)}
      />
    );
  };
  const perItem = fields.filter((field) => field.perItem);
  return (
    <form
      noValidate
      aria-labelledby="imports-map-heading"
      onSubmit={form.handleSubmit((values) =>
        onCheck(
          fields.flatMap((field, index) => {
            const column = values.columns[index];
            return column ? [{ field: field.key, column }] : [];
          }),
        ),
      )}
    >
      <h2 id="imports-map-heading" ref={headingRef} tabIndex={-1}>
        {t("imports.map.title")}
      </h2>
      <p className="muted">{t("imports.map.intro", { file: preview.fileName, rows: preview.rowCount })}</p>
      <div className="imports__mapping">
        <div className="grid-2">{fields.filter((field) => !field.perItem).map(select)}</div>
        {perItem.length > 0 ? (
          <details className="imports__per-item">
            <summary>{t("imports.map.materials")}</summary>
            <div className="grid-2">{perItem.map(select)}</div>
          </details>
        ) : null}
      </div>
      <PreviewTable preview={preview} />
      <div className="row">
        <button type="submit" className="button button--primary">
          {t("imports.map.check")}
        </button>
        <button type="button" className="button" onClick={onOtherFile}>
          {t("imports.otherFile")}
        </button>
      </div>
    </form>
  );
}
