import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useMessages } from '../i18n/i18n';
import { confirmDialogMessages } from './confirm-dialog-messages';

/**
 * A modal question before an action that cannot be undone (confirming a close, accepting a report): says what
 * becomes locked, and acts only on the explicit button. Native <dialog>: focus moves into it, Esc cancels.
 */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  busy,
  confirmDisabled,
  onConfirm,
  onCancel,
  children,
  testId,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
  testId?: string;
}) {
  const t = useMessages(confirmDialogMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="form-actions">
        <button type="button" disabled={busy || confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
