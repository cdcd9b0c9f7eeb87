'use client';

import { classNames } from '@shop/ui';
import { useEffect, useId, useState } from 'react';

interface QuantityStepperProps {
  /** Visible label ("Quantity"); `hiddenLabel` keeps it for screen readers only. */
  label: string;
  hiddenLabel?: boolean;
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  onChange: (quantity: number) => void;
  className?: string;
}

const stepClass =
  'grid size-10 place-items-center text-lg text-ink transition-colors hover:bg-surface-sunken disabled:cursor-not-allowed disabled:text-ink-subtle';

/**
 * − [n] + : a labelled number input with buttons either side (each with its own name, e.g.
 * "Decrease quantity"). Typing commits on blur or Enter, so a half-typed number is never sent.
 */
export function QuantityStepper({
  label,
  hiddenLabel,
  value,
  min,
  max,
  disabled,
  onChange,
  className,
}: QuantityStepperProps) {
  const id = useId();
  // "Decrease quantity of Linen Shirt": lower-case only the label's first letter.
  const named = label.charAt(0).toLowerCase() + label.slice(1);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const parsed = Number.parseInt(text, 10);
    if (!Number.isFinite(parsed)) return setText(String(value));
    const clamped = Math.min(max, Math.max(min, parsed));
    setText(String(clamped));
    if (clamped !== value) onChange(clamped);
  };
  return (
    <div className={classNames('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className={hiddenLabel ? 'sr-only' : 'text-sm font-medium text-ink'}>
        {label}
      </label>
      <div className="inline-flex h-10 items-center overflow-hidden rounded-control border border-line-strong bg-surface shadow-card">
        <button
          type="button"
          className={stepClass}
          aria-label={`Decrease ${named}`}
          disabled={disabled || value <= min}
          onClick={() => onChange(Math.max(min, value - 1))}
        >
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value.replace(/\D/g, '').slice(0, 2))}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
          className="h-full w-12 border-x border-line bg-surface text-center text-sm text-ink tabular-nums focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600"
        />
        <button
          type="button"
          className={stepClass}
          aria-label={`Increase ${named}`}
          disabled={disabled || value >= max}
          onClick={() => onChange(Math.min(max, value + 1))}
        >
          +
        </button>
      </div>
    </div>
  );
}
