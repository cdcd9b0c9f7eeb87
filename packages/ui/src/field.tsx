import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { classNames } from './class-names';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  invalid?: boolean;
}

/** A text input in the shared style; pair it with a visible label (see `TextField`). */
export function Input({ invalid, className, ...rest }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={classNames(
        'h-10 w-full rounded-control border bg-surface px-3 text-sm text-ink shadow-card placeholder:text-ink-subtle',
        'focus-visible:border-accent-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-600/40',
        'disabled:cursor-not-allowed disabled:bg-surface-sunken',
        invalid ? 'border-danger' : 'border-line-strong',
        className,
      )}
      {...rest}
    />
  );
}

export interface TextFieldProps extends Omit<InputProps, 'invalid'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/**
 * Label, input, hint and error text wired together: the label names the input and the hint and
 * error are announced with it (`aria-describedby`), so screen readers hear why a value is wrong.
 */
export function TextField({ label, hint, error, id, className, ...rest }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={classNames('flex flex-col gap-1.5', className)}>
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        {label}
      </label>
      <Input
        id={inputId}
        invalid={Boolean(error)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...rest}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
