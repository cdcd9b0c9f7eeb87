'use client';

import { classNames } from '@shop/ui';
import { useId, type ReactNode } from 'react';

export interface Choice {
  value: string;
  title: ReactNode;
  description?: ReactNode;
  aside?: ReactNode;
}

/**
 * A group of native radio buttons drawn as cards (arrow keys move between them, the legend
 * names the group): saved addresses, shipping methods, payment methods.
 */
export function ChoiceList({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
  testId,
}: {
  legend: string;
  name: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId?: string;
}) {
  const baseId = useId();
  return (
    <fieldset data-testid={testId}>
      <legend className="sr-only">{legend}</legend>
      <div className="flex flex-col gap-2">
        {choices.map((choice) => {
          const id = `${baseId}-${choice.value}`;
          return (
            <label
              key={choice.value}
              htmlFor={id}
              className={classNames(
                'flex cursor-pointer items-start gap-3 rounded-control border px-4 py-3 transition-colors',
                'has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600',
                value === choice.value ? '' : 'border-line-strong hover:border-ink-muted',
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                className="mt-1 size-4 shrink-0 accent-accent-600"
              />
              <span className="min-w-0 flex-1 text-sm">
                <span className="block font-medium text-ink">{choice.title}</span>
                {choice.description ? (
                  <span className="mt-0.5 block text-ink-muted">{choice.description}</span>
                ) : null}
              </span>
              {choice.aside ? (
                <span className="shrink-0 text-sm font-medium text-ink">{choice.aside}</span>
              ) : null}
            </label>
          );
        })}
      </div>
      {error ? (
        <p className="mt-2 text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
