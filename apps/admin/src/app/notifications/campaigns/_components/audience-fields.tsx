'use client';

import { SelectField, TextField } from '@shop/ui';
import { useEffect, useState } from 'react';
import { countAudience, type AudienceAnswer } from '../actions';
import { audienceKinds, audienceLabels, type AudienceDraft } from './campaign-draft';

export interface CategoryChoice {
  slug: string;
  path: string;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** The live count: asks the cell 400 ms after the last change to the audience. */
export function useAudienceCount(audience: AudienceDraft) {
  const [answer, setAnswer] = useState<AudienceAnswer | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(audience);
  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      countAudience(JSON.parse(key))
        .catch((): AudienceAnswer => ({ ok: false, message: 'The count is not answering.' }))
        .then((next) => {
          if (!current) return;
          setAnswer(next);
          setLoading(false);
        });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { answer, loading };
}

export function formatCount(count: number): string {
  return `${countFormat.format(count)} subscriber${count === 1 ? '' : 's'}`;
}

/**
 * Who gets the campaign: every confirmed subscriber or one segment, and how many that is now.
 * The cell builds the list itself (consent, suppressions, purchases); this only names the rule.
 */
export function AudienceFields({
  audience,
  categories,
  errors,
  count,
  onChange,
}: {
  audience: AudienceDraft;
  categories: CategoryChoice[];
  errors: Record<string, string>;
  count: ReturnType<typeof useAudienceCount>;
  onChange: (next: AudienceDraft) => void;
}) {
  const set = <K extends keyof AudienceDraft>(field: K, value: AudienceDraft[K]) =>
    onChange({ ...audience, [field]: value });
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-ink">Send to</legend>
        {audienceKinds.map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm text-ink">
            <input
              type="radio"
              name="audience-kind"
              value={kind}
              checked={audience.kind === kind}
              onChange={() => set('kind', kind)}
              className="size-4"
            />
            {audienceLabels[kind]}
          </label>
        ))}
      </fieldset>
      {audience.kind === 'boughtFromCategory' ? (
        <SelectField
          label="Category"
          hint="Customers who bought a product in it or in a category below it."
          value={audience.categoryId}
          error={errors['audience.categoryId']}
          options={[
            { value: '', label: 'Choose a category' },
            ...categories.map((category) => ({ value: category.slug, label: category.path })),
          ]}
          onChange={(event) => set('categoryId', event.target.value)}
        />
      ) : null}
      {audience.kind === 'noOrderInDays' ? (
        <TextField
          label="Days without an order"
          hint="Customers who ordered before, but not in this many days."
          inputMode="numeric"
          value={audience.days}
          maxLength={4}
          error={errors['audience.days']}
          onChange={(event) => set('days', event.target.value)}
        />
      ) : null}
      {audience.kind === 'lifetimeValueAbove' ? (
        <TextField
          label="Lifetime value above (EUR)"
          hint="Everything the customer spent, in euros, e.g. 150 or 99.50."
          inputMode="decimal"
          value={audience.amount}
          maxLength={16}
          error={errors['audience.amount']}
          onChange={(event) => set('amount', event.target.value)}
        />
      ) : null}
      <p
        className="rounded-control bg-surface-sunken px-3 py-2 text-sm text-ink"
        aria-live="polite"
        aria-busy={count.loading}
        data-testid="audience-count"
      >
        {count.loading && !count.answer ? (
          'Counting…'
        ) : count.answer?.ok ? (
          <>
            <span className="font-semibold">{formatCount(count.answer.count)}</span> would get it
            now{count.loading ? ' (updating…)' : ''}. Only confirmed subscribers who have not
            unsubscribed or bounced count.
          </>
        ) : (
          (count.answer?.message ?? 'Finish the audience to see how many it reaches.')
        )}
      </p>
    </div>
  );
}
