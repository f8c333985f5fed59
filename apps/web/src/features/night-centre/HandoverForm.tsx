/** The evening's log for the next shift: organisation-private free text, read first next evening. */
import { writeEveningHandoverInput } from "@maillage/domain/inputs";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { mutate } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { WriteEveningHandover } from "./night-centre.graphql.ts";

const handoverForm = z.object({ body: writeEveningHandoverInput.shape.body });

export function HandoverForm({
  eveningId,
  body,
  onSaved,
}: {
  eveningId: string;
  body: string | null;
  onSaved(): void;
}) {
  const { t } = useT();
  const form = useDomainForm(handoverForm, { defaultValues: { body: body ?? "" } });
  const field = fieldBinder(form);
  const [saved, setSaved] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const shown = saved && !form.formState.isDirty;
  useEffect(() => {
    if (shown) status.current?.focus();
  }, [shown]);
  const save = useMutation({
    mutationFn: (values: z.output<typeof handoverForm>) =>
      mutate(WriteEveningHandover, (data) => data.writeEveningHandover, {
        input: { eveningId, body: values.body },
      }),
    onSuccess: (_result, values) => {
      form.reset(values);
      setSaved(true);
      onSaved();
    },
    onError: (error) => {
      setSaved(false);
      showFailure(form, error);
    },
  });
  return (
    <section aria-labelledby="handover-title" className="card">
      <h2 id="handover-title">{t("night.handover.title")}</h2>
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
        <TextAreaField
          label={t("night.handover.label")}
          hint={t("night.handover.hint")}
          column="NightCentreHandoverNote.body"
          rows={4}
          {...field("body")}
        />
        <FormAlert form={form} />
        {shown ? (
          <p ref={status} tabIndex={-1} role="status" className="alert alert--ok">
            {t("night.handover.saved")}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={save.isPending}>
          {t("night.handover.save")}
        </button>
      </form>
    </section>
  );
}
