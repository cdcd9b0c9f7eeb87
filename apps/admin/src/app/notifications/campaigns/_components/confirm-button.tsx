'use client';

import { Button, buttonClassNames, type ButtonVariant } from '@shop/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A button that asks before it acts: the first press shows the question with a "Yes" and a "No"
 * button (focus moves to "Yes"; "No" brings it back), so nothing irreversible happens on one
 * stray press or Enter.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  cancelLabel = 'No, go back',
  variant = 'primary',
  disabled,
  pending,
  confirmDisabled,
  onConfirm,
  onOpen,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  pending?: boolean;
  /** Keeps "Yes" disabled while what the question names is still loading. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  /** Called when the question opens (e.g. to count the audience once more). */
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !confirmDisabled) yesRef.current?.focus();
    else if (!open && wasOpen.current) askRef.current?.focus();
    wasOpen.current = open;
  }, [open, confirmDisabled]);
  if (!open) {
    return (
      <button
        ref={askRef}
        type="button"
        className={buttonClassNames({ variant })}
        disabled={disabled || pending}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={label}
      className="flex w-full flex-col gap-3 rounded-card border border-warning bg-surface-sunken p-3"
      data-testid="confirm"
    >
      <p className="text-sm text-ink">{question}</p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={yesRef}
          type="button"
          className={buttonClassNames({ variant })}
          disabled={pending || confirmDisabled}
          onClick={() => {
            onConfirm();
            setOpen(false);
          }}
        >
          {confirmLabel}
        </button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
