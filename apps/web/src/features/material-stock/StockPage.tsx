import { recordMaterialStockInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { MaterialItem } from "../../generated/enums.ts";
import { FormAlert, fieldBinder, numberText, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { MaterialStockQuery, RecordMaterialStock, stockKeys } from "./material-stock.graphql.ts";
import "./material-stock.css";

/** The counting form of one item: the API's input with the two numbers as typed. */
const countForm = z.object({
  onHand: numberText(recordMaterialStockInput.shape.onHand),
  lowThreshold: numberText(recordMaterialStockInput.shape.lowThreshold),
});

interface Level {
  item: MaterialItem;
  onHand: number;
  lowThreshold: number;
  countedAt: string;
  low: boolean;
}

function StockRow({ item, level }: { item: MaterialItem; level: Level | null }) {
  const { t, enumLabel, formatDateTime } = useT();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useDomainForm(countForm, {
    defaultValues: { onHand: "", lowThreshold: level ? String(level.lowThreshold) : "" },
  });
  const field = fieldBinder(form);
  const record = useMutation({
    mutationFn: (values: z.output<typeof countForm>) =>
      mutate(RecordMaterialStock, (data) => data.recordMaterialStock, {
        input: { item, onHand: values.onHand ?? 0, lowThreshold: values.lowThreshold ?? 0 },
      }),
    onSuccess: () => {
      setSaved(true);
      form.reset({ onHand: "", lowThreshold: form.getValues("lowThreshold") });
      void queryClient.invalidateQueries({ queryKey: stockKeys.all });
    },
    onError: (error) => {
      setSaved(false);
      showFailure(form, error);
    },
  });
  const name = enumLabel("MaterialItem", item);
  return (
    <li className="card">
      <div className="row row--between">
        <h2 className="stock__name">{name}</h2>
        {level ? (
          <span className={level.low ? "badge badge--danger" : "badge badge--ok"}>
            {level.low ? t("stock.low") : t("stock.enough")}
          </span>
        ) : null}
      </div>
      <p className="small">
        {level
          ? t("stock.onHand", { count: level.onHand, when: formatDateTime(level.countedAt) })
          : t("stock.neverCounted")}
      </p>
      <form onSubmit={form.handleSubmit((values) => record.mutate(values))} noValidate>
        <FormAlert form={form} />
        <div className="stock__fields">
          <TextField label={t("stock.countNow")} inputMode="numeric" {...field("onHand")} />
          <TextField label={t("stock.lowAt")} inputMode="numeric" {...field("lowThreshold")} />
        </div>
        <button
          type="submit"
          className="button"
          disabled={record.isPending}
          aria-label={t("stock.recordFor", { item: name })}
        >
          {t("stock.record")}
        </button>
        {saved && !form.formState.isDirty ? (
          <p role="status" className="small">
            {t("stock.saved", { item: name })}
          </p>
        ) : null}
      </form>
    </li>
  );
}

/**
 * What the organisation hands out, counted by its coordinators: each item's count now and the
 * level under which it is low (the home screen then says so). Encounters draw on the last count.
 */
export function StockPage() {
  const { t } = useT();
  const stock = useQuery({ queryKey: stockKeys.all, queryFn: () => request(MaterialStockQuery) });
  return (
    <section className="page">
      <h1>{t("stock.title")}</h1>
      <p className="muted">{t("stock.intro")}</p>
      <Loaded query={stock}>
        {(data) => {
          const levels = new Map(data.materialStock.map((level) => [level.item, level]));
          return (
            <ul className="card-list">
              {enumOptions("MaterialItem").map((item) => (
                <StockRow key={item} item={item} level={levels.get(item) ?? null} />
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
