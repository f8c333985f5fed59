import type { ReactNode } from "react";
import { useT } from "../app/i18n/index.tsx";

/**
 * The step before something that cannot be undone (withdraw, cancel, delete): the question, the
 * dangerous button and a way back. `children` go under the question (why the last try failed).
 */
export function ConfirmDialog({
  label,
  question,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
  children,
}: {
  /** The dialog's name, said by screen readers. */
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="alert alert--warn" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      {children}
      <div className="row">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("app.cancel")}
        </button>
      </div>
    </div>
  );
}
