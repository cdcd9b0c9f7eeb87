'use client';

import type { Route } from 'next';
import Form from 'next/form';
import { useEffect, useState, type ChangeEvent, type ReactNode } from 'react';

/**
 * The listing's filters as a GET form: without JavaScript the shopper ticks boxes and presses
 * "Apply"; with it, each change submits at once and Next navigates client-side to the new URL
 * (a history entry, so Back undoes a filter). Changing a filter starts again at page 1, because
 * `page` is not a field of the form.
 */
export function FacetForm({
  id,
  action,
  children,
}: {
  id: string;
  action: Route;
  children: ReactNode;
}) {
  // Set once hydrated: from then on a change applies at once (tests wait for it, too).
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <Form
      id={id}
      data-enhanced={enhanced}
      action={action}
      scroll={false}
      onChange={(event: ChangeEvent<HTMLFormElement>) => event.currentTarget.requestSubmit()}
      aria-label="Filters"
      data-testid="facet-form"
    >
      {children}
    </Form>
  );
}

/** The sort order: a select that belongs to the filter form (by `form=`) and applies at once. */
export function SortSelect({
  formId,
  value,
  options,
}: {
  formId: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-ink-muted">
      Sort by
      <select
        name="sort"
        form={formId}
        defaultValue={value}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        data-testid="sort-select"
        className="h-9 rounded-control border border-line-strong bg-surface px-2 text-sm text-ink shadow-card"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
