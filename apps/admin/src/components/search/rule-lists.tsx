'use client';

import { Badge, Button, EmptyState } from '@shop/ui';
import type { StoredRules } from './merchandising-types';

type Synonym = StoredRules['synonyms'][number];
type Redirect = StoredRules['redirects'][number];
type Pins = StoredRules['pins'][number];
type Boost = StoredRules['boosts'][number];

const rowClass = 'flex flex-wrap items-center justify-between gap-2 py-2';

interface Editable<Rule> {
  rules: Rule[];
  canWrite: boolean;
  pending: boolean;
  onDelete: (rule: Rule) => void;
}

export function SynonymList({
  rules,
  canWrite,
  pending,
  onEdit,
  onDelete,
}: Editable<Synonym> & { onEdit: (rule: Synonym) => void }) {
  if (rules.length === 0) return <EmptyState as="h3" title="No synonyms yet" />;
  return (
    <ul className="divide-y divide-line" aria-label="Synonyms" data-testid="synonym-list">
      {rules.map((rule) => {
        const text =
          rule.direction === 'two-way'
            ? rule.terms.join(' = ')
            : `${rule.terms[0]} → ${rule.terms.slice(1).join(', ')}`;
        return (
          <li key={rule.id} className={rowClass}>
            <span className="min-w-0 break-words">
              {text}{' '}
              <Badge tone="neutral">{rule.direction === 'two-way' ? 'two-way' : 'one-way'}</Badge>
            </span>
            {canWrite ? (
              <span className="flex gap-2">
                <Button size="sm" variant="secondary" onClick={() => onEdit(rule)}>
                  Edit<span className="sr-only"> {text}</span>
                </Button>
                <Button size="sm" variant="ghost" disabled={pending} onClick={() => onDelete(rule)}>
                  Delete<span className="sr-only"> {text}</span>
                </Button>
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function RedirectList({
  rules,
  canWrite,
  pending,
  onEdit,
  onDelete,
}: Editable<Redirect> & { onEdit: (rule: Redirect) => void }) {
  if (rules.length === 0) return <EmptyState as="h3" title="No redirects yet" />;
  return (
    <ul className="divide-y divide-line" aria-label="Redirects" data-testid="redirect-list">
      {rules.map((rule) => (
        <li key={rule.id} className={rowClass}>
          <span className="min-w-0 break-words">
            “{rule.query}” → <span className="font-mono text-sm break-all">{rule.url}</span>
          </span>
          {canWrite ? (
            <span className="flex gap-2">
              <Button size="sm" variant="secondary" onClick={() => onEdit(rule)}>
                Edit<span className="sr-only"> the redirect for {rule.query}</span>
              </Button>
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => onDelete(rule)}>
                Delete<span className="sr-only"> the redirect for {rule.query}</span>
              </Button>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function PinsList({ rules, onOpen }: { rules: Pins[]; onOpen: (rule: Pins) => void }) {
  if (rules.length === 0) return <EmptyState as="h3" title="No pinned or hidden products yet" />;
  return (
    <ul className="divide-y divide-line" aria-label="Pinned and hidden products">
      {rules.map((rule) => (
        <li key={rule.id} className={rowClass}>
          <span>
            “{rule.query}”: {rule.pinned.length} pinned, {rule.hidden.length} hidden
          </span>
          <Button size="sm" variant="secondary" onClick={() => onOpen(rule)}>
            Preview<span className="sr-only"> {rule.query}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

const fieldLabel = (rule: Boost) =>
  rule.field === 'inStock'
    ? 'in stock'
    : rule.field === 'brand'
      ? `brand ${rule.value}`
      : `category ${rule.value}`;

export function BoostList({ rules, canWrite, pending, onDelete }: Editable<Boost>) {
  if (rules.length === 0) return <EmptyState as="h3" title="No boost or bury rules yet" />;
  return (
    <ul className="divide-y divide-line" aria-label="Boost and bury rules">
      {rules.map((rule) => {
        const text = `${rule.effect === 'boost' ? 'Boost' : 'Bury'} ${fieldLabel(rule)}, ${rule.query ? `for “${rule.query}”` : 'every search'}`;
        return (
          <li key={rule.id} className={rowClass}>
            <span>{text}</span>
            {canWrite ? (
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => onDelete(rule)}>
                Delete<span className="sr-only"> {text}</span>
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
