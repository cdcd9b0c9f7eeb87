import type { ButtonHTMLAttributes } from 'react';
import { classNames } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

const variantClasses: Record<ButtonVariant, string> = {
  primary:
    'bg-accent-600 text-on-accent shadow-card hover:bg-accent-700 active:bg-accent-800 disabled:bg-accent-600/50',
  secondary:
    'border border-line-strong bg-surface text-ink shadow-card hover:bg-surface-sunken disabled:text-ink-subtle',
  ghost: 'text-ink hover:bg-surface-sunken disabled:text-ink-subtle',
  danger: 'bg-danger text-on-accent shadow-card hover:bg-danger/90 disabled:bg-danger/50',
};

const sizeClasses: Record<ButtonSize, string> = {
  sm: 'h-8 gap-1.5 px-3 text-sm',
  md: 'h-10 gap-2 px-4 text-sm',
  lg: 'h-12 gap-2 px-6 text-base',
};

/**
 * The classes of a button, for links that should look like one (`<Link className={...}>`):
 * navigation stays a link for assistive technology while matching the button style.
 */
export function buttonClassNames(
  options: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {},
): string {
  const { variant = 'primary', size = 'md', className } = options;
  return classNames(
    'inline-flex shrink-0 items-center justify-center rounded-control font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed',
    variantClasses[variant],
    sizeClasses[size],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** A button with visible text; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant, size, className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={buttonClassNames({ variant, size, className })} {...rest} />
  );
}
