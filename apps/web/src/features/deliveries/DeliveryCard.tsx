import { deliveryIsOpen, deliveryTransitions, transitionNeedsConfirmation } from "@maillage/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { type Failure, failureOf, MutationFailure } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import type { DeliveryCardFragment, DeliveryStatus } from "../../generated/graphql.ts";
import { submitEntry } from "../../offline/field-queue.ts";
import { deliveryKeys } from "./deliveries.graphql.ts";
import { transitionInput } from "./delivery-form.ts";

export type Delivery = DeliveryCardFragment;

const actionLabels: Record<DeliveryStatus, MessageKey> = {
  REQUESTED: "deliveries.action.REQUESTED",
  SCHEDULED: "deliveries.action.SCHEDULED",
  DELIVERED: "deliveries.action.DELIVERED",
  NOT_REACHED: "deliveries.action.NOT_REACHED",
  CANCELLED: "deliveries.action.CANCELLED",
};
const doneLabels: Record<DeliveryStatus, MessageKey> = {
  REQUESTED: "deliveries.done.REQUESTED",
  SCHEDULED: "deliveries.done.SCHEDULED",
  DELIVERED: "deliveries.done.DELIVERED",
  NOT_REACHED: "deliveries.done.NOT_REACHED",
  CANCELLED: "deliveries.done.CANCELLED",
};
const badgeClass: Record<DeliveryStatus, string> = {
  REQUESTED: "badge badge--warn",
  SCHEDULED: "badge",
  DELIVERED: "badge badge--ok",
  NOT_REACHED: "badge badge--danger",
  CANCELLED: "badge",
};

/** "20 condoms, 2 naloxone kits", in the screen's language. */
export function useItemsSummary() {
  const { t } = useT();
  return (items: Delivery["items"]) =>
    items.map((entry) => t("deliveries.itemCount", { item: entry.label, count: entry.quantity })).join(", ");
}

/** Who asked: the person's alias, or "anonymous" with what was said of them. */
function useWho() {
  const { t, enumLabel } = useT();
  return (delivery: Delivery) => {
    if (delivery.person) return delivery.person.alias;
    const said = [
      delivery.anonymousGender && delivery.anonymousGender !== "UNDISCLOSED"
        ? enumLabel("Gender", delivery.anonymousGender)
        : null,
      delivery.anonymousAgeBracket && delivery.anonymousAgeBracket !== "UNKNOWN"
        ? enumLabel("AgeBracket", delivery.anonymousAgeBracket)
        : null,
    ].filter(Boolean);
    return [t("deliveries.anonymous"), ...said].join(" · ");
  };
}

type Outcome = { state: "sent" | "queued"; to: DeliveryStatus } | { state: "refused"; failure: Failure };

/**
 * One delivery request: who, what, when and where, who brings it, and its next steps, each one
 * tap (delivering and cancelling asked once more: delivering counts the items as handed out).
 * A step goes through the phone's queue; the card stays where it is, says what became of it and
 * takes the focus, so the list does not jump under the thumb.
 */
export function DeliveryCard({ delivery, listKey }: { delivery: Delivery; listKey: readonly unknown[] }) {
  const { t, enumLabel, formatDateTime, failureMessage } = useT();
  const queryClient = useQueryClient();
  const summary = useItemsSummary();
  const who = useWho();
  const titleId = useId();
  const [confirming, setConfirming] = useState<DeliveryStatus | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (outcome) said.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  const step = useMutation({
    networkMode: "always",
    mutationFn: async (to: DeliveryStatus) => {
      const input = transitionInput(delivery, to, new Date());
      const submitted = await submitEntry(
        "transitionMaterialDelivery",
        { input },
        `${who(delivery)} · ${enumLabel("DeliveryStatus", to)}`,
      );
      if (submitted.state === "refused") throw new MutationFailure(submitted.failure);
      return { state: submitted.state, to } as const;
    },
    onSuccess: (moved) => {
      // The card keeps its place with its new status (and version, for a next step): the list
      // is read again when the screen is opened again.
      queryClient.setQueryData(listKey, (data: unknown) => patchDelivery(data, delivery.id, moved.to));
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.closed });
      setConfirming(null);
      setOutcome(moved);
    },
    onError: (error) => {
      setConfirming(null);
      setOutcome({ state: "refused", failure: failureOf(error) });
    },
  });
  const next = delivery.open ? deliveryTransitions[delivery.status] : [];
  const take = (to: DeliveryStatus) => {
    setOutcome(null);
    if (transitionNeedsConfirmation(to)) setConfirming(to);
    else step.mutate(to);
  };
  return (
    <li className="card delivery" aria-labelledby={titleId}>
      <div className="row row--between">
        <h3 id={titleId} className="delivery__who">
          {who(delivery)}
        </h3>
        <span className={badgeClass[delivery.status]}>{enumLabel("DeliveryStatus", delivery.status)}</span>
      </div>
      <p className="delivery__items">{summary(delivery.items)}</p>
      {delivery.timeWindow ? (
        <p className="small">
          <strong>{t("deliveries.when")}</strong> {delivery.timeWindow}
        </p>
      ) : null}
      {delivery.place ? (
        <p className="small">
          <strong>{t("deliveries.where")}</strong> {delivery.place}
        </p>
      ) : null}
      <p className="small muted">
        {delivery.assignedToViewer
          ? t("deliveries.byYou")
          : t("deliveries.byMember", { name: delivery.assignedToName })}
        {" · "}
        {t("deliveries.askedOn", { when: formatDateTime(delivery.createdAt) })}
      </p>
      {confirming ? (
        <div className="alert alert--warn" role="alertdialog" aria-labelledby={`${titleId}-question`}>
          <p id={`${titleId}-question`}>
            {confirming === "DELIVERED"
              ? t("deliveries.confirmDelivered", { items: summary(delivery.items) })
              : t("deliveries.confirmCancelled")}
          </p>
          <div className="row">
            <button
              ref={confirm}
              type="button"
              className={confirming === "DELIVERED" ? "button button--primary" : "button button--danger"}
              disabled={step.isPending}
              onClick={() => step.mutate(confirming)}
            >
              {t(
                confirming === "DELIVERED"
                  ? "deliveries.confirmDeliveredYes"
                  : "deliveries.confirmCancelledYes",
              )}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t("deliveries.keep")}
            </button>
          </div>
        </div>
      ) : next.length > 0 ? (
        <div className="row delivery__actions">
          {next.map((to) => (
            <button
              key={to}
              type="button"
              className={to === "DELIVERED" ? "button button--primary" : "button"}
              disabled={step.isPending}
              onClick={() => take(to)}
            >
              {t(actionLabels[to])}
            </button>
          ))}
        </div>
      ) : null}
      {outcome ? (
        <p
          ref={said}
          tabIndex={-1}
          role={outcome.state === "refused" ? "alert" : "status"}
          className={
            outcome.state === "sent"
              ? "alert alert--ok"
              : outcome.state === "queued"
                ? "alert alert--warn"
                : "alert alert--error"
          }
        >
          {outcome.state === "refused"
            ? failureMessage(outcome.failure)
            : `${t(doneLabels[outcome.to], { items: summary(delivery.items) })}${
                outcome.state === "queued" ? ` ${t("deliveries.queuedStep")}` : ""
              }`}
        </p>
      ) : null}
    </li>
  );
}

interface ListData {
  materialDeliveries: { edges: { node: Delivery }[] };
}

/** The list's answer with one delivery moved on (its status, version and openness). */
function patchDelivery(data: unknown, id: string, to: DeliveryStatus): unknown {
  const list = data as ListData | undefined;
  if (!list) return data;
  return {
    ...list,
    materialDeliveries: {
      ...list.materialDeliveries,
      edges: list.materialDeliveries.edges.map((edge) =>
        edge.node.id === id
          ? {
              ...edge,
              node: { ...edge.node, status: to, version: edge.node.version + 1, open: deliveryIsOpen(to) },
            }
          : edge,
      ),
    },
  };
}
