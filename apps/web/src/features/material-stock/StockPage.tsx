import { receiveMaterialInput, recordMaterialStockInput, stockSource } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, numberText, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumSelectField } from "../../ui/EnumSelectField.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { TextField } from "../../ui/TextField.tsx";
import {
  MaterialStockQuery,
  ReceiveMaterial,
  RecordMaterialStock,
  type StockLevelItem,
  stockKeys,
} from "./material-stock.graphql.ts";
import "./material-stock.css";

/** The counting form of one item: the API's input with the two numbers as typed. */
const countForm = z.object({
  onHand: numberText(recordMaterialStockInput.shape.onHand),
  lowThreshold: numberText(recordMaterialStockInput.shape.lowThreshold),
});

/** What was received of one item: the quantity as typed, and where it came from (no default). */
const receiptForm = z.object({
  quantity: numberText(receiveMaterialInput.shape.quantity),
  source: z
    .string()
    .transform((value) => (value === "" ? null : value))
    .pipe(stockSource),
});

/** One item of the stock page: a catalogue's material item, and its stock if it is kept. */
interface StockItem {
  item: string;
  label: string;
  retired: boolean;
  level: StockLevelItem | null;
}

function CountForm({ item, name, level }: { item: string; name: string; level: StockLevelItem | null }) {
  const { t } = useT();
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
  return (
    <form
      onSubmit={form.handleSubmit((values) => record.mutate(values))}
      noValidate
      aria-label={t("stock.recordFor", { item: name })}
    >
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
  );
}

function ReceiptForm({ item, name }: { item: string; name: string }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [received, setReceived] = useState<number | null>(null);
  const form = useDomainForm(receiptForm, { defaultValues: { quantity: "", source: "" } });
  const field = fieldBinder(form);
  const receive = useMutation({
    mutationFn: (values: z.output<typeof receiptForm>) =>
      mutate(ReceiveMaterial, (data) => data.receiveMaterial, {
        input: { item, quantity: values.quantity ?? 0, source: values.source },
      }),
    onSuccess: (_result, values) => {
      setReceived(values.quantity ?? 0);
      form.reset({ quantity: "", source: "" });
      void queryClient.invalidateQueries({ queryKey: stockKeys.all });
    },
    onError: (error) => {
      setReceived(null);
      showFailure(form, error);
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit((values) => receive.mutate(values))}
      noValidate
      aria-label={t("stock.receiveFor", { item: name })}
    >
      <FormAlert form={form} />
      <div className="stock__fields">
        <TextField label={t("stock.quantityReceived")} inputMode="numeric" {...field("quantity")} />
        <EnumSelectField
          vocabulary="StockSource"
          label={t("stock.source")}
          placeholder={t("stock.chooseSource")}
          {...field("source")}
        />
      </div>
      <button
        type="submit"
        className="button"
        disabled={receive.isPending}
        aria-label={t("stock.receiveFor", { item: name })}
      >
        {t("stock.receive")}
      </button>
      {received !== null && !form.formState.isDirty ? (
        <p role="status" className="small">
          {t("stock.received", { item: name, count: received })}
        </p>
      ) : null}
    </form>
  );
}

function StockRow({ item, label, retired, level }: StockItem) {
  const { t, formatDateTime } = useT();
  return (
    <li className="card stock__item">
      <div className="row row--between">
        <h2 className="stock__name">{label}</h2>
        {retired ? <span className="badge">{t("stock.retired")}</span> : null}
        {level && !retired ? (
          <span className={level.low ? "badge badge--danger" : "badge badge--ok"}>
            {level.low ? t("stock.low") : t("stock.enough")}
          </span>
        ) : null}
      </div>
      <p className="small stock__fact">
        {level
          ? t("stock.onHand", { count: level.onHand, when: formatDateTime(level.countedAt) })
          : t("stock.neverCounted")}
      </p>
      {level ? (
        <p className="small muted stock__fact">
          {t("stock.since", { received: level.receivedSince, handedOut: level.handedOutSince })}
        </p>
      ) : null}
      <CountForm item={item} name={label} level={level} />
      {/* A retired item is received no more; what is left of it can still be counted. */}
      {retired ? null : (
        <details className="stock__receipt">
          <summary className="button" aria-label={t("stock.receiptOf", { item: label })}>
            {t("stock.receipt")}
          </summary>
          <ReceiptForm item={item} name={label} />
        </details>
      )}
    </li>
  );
}

/**
 * What the organisation hands out, kept by its coordinators: each material item of the
 * catalogue with what is on hand, what was received and handed out since the last count; a
 * count now (and the low level, which the home screen warns under) or stock received. Items
 * retired from the catalogue stay while some is kept.
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
          const offered = new Set(data.catalogue.map((entry) => entry.code));
          const items: StockItem[] = [
            ...data.catalogue.map((entry) => ({
              item: entry.code,
              label: entry.label,
              retired: false,
              level: levels.get(entry.code) ?? null,
            })),
            ...data.materialStock
              .filter((level) => !offered.has(level.item))
              .map((level) => ({ item: level.item, label: level.label, retired: true, level })),
          ];
          return (
            <ul className="card-list stock__list">
              {items.map((entry) => (
                <StockRow key={entry.item} {...entry} />
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
