import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
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

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  className?: string;
  /** Renders the control with the id and `aria-describedby` that tie it to its label and texts. */
  children: (control: { id: string; describedBy: string | undefined }) => ReactNode;
}

/**
 * Label, control, hint and error text wired together: the label names the control and the hint
 * and error are announced with it (`aria-describedby`), so screen readers hear why a value is
 * wrong. Shared by every labelled field.
 */
function FieldFrame({ label, hint, error, id, className, children }: FieldFrameProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={classNames('flex flex-col gap-1.5', className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children({
        id: controlId,
        describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
      })}
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

export interface TextFieldProps extends Omit<InputProps, 'invalid'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A labelled text input with its hint and error (see `FieldFrame`). */
export function TextField({ label, hint, error, id, className, ...rest }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <Input
          id={control.id}
          invalid={Boolean(error)}
          aria-describedby={control.describedBy}
          {...rest}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  options: readonly { value: string; label: string }[];
}

/** A labelled native select (keyboard and screen-reader friendly) in the shared field style. */
export function SelectField({
  label,
  hint,
  error,
  options,
  id,
  className,
  ...rest
}: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <select
          id={control.id}
          aria-invalid={error ? true : undefined}
          aria-describedby={control.describedBy}
          className={classNames(
            'h-10 w-full rounded-control border bg-surface px-3 text-sm text-ink shadow-card',
            'focus-visible:border-accent-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-600/40',
            error ? 'border-danger' : 'border-line-strong',
          )}
          {...rest}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
