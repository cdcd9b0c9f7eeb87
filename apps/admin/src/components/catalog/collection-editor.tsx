'use client';

import {
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Notice,
  SelectField,
  TextField,
} from '@shop/ui';
import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import {
  findProducts,
  previewRules,
  saveCollection,
  type CollectionSaveState,
  type FoundProduct,
  type PreviewAnswer,
} from '@/app/catalog/collections/actions';
import { productStatusLabels } from './catalog-labels';
import type { CategoryOption } from './category-options';
import {
  conditionFields,
  emptyCollectionDraft,
  type CollectionDraft,
  type ConditionDraft,
  type ListedProduct,
} from './collection-draft';
import { slugFrom } from './editor-values';

const fieldLabels: Record<ConditionDraft['field'], string> = {
  tag: 'Tag',
  brand: 'Brand',
  category: 'Category',
  price: 'Price (cheapest variant)',
};
const sortLabels = {
  manual: 'In the order listed here',
  newest: 'Newest first',
  price_asc: 'Price, low to high',
  price_desc: 'Price, high to low',
  name: 'Name, A to Z',
} as const;

const statusLabel = (status: string) =>
  productStatusLabels[status as keyof typeof productStatusLabels] ?? {
    label: status,
    tone: 'neutral' as const,
  };

/** The live preview of a rule: asks the cell 400 ms after the last change to the conditions. */
function useRulePreview(rules: CollectionDraft['rules'], enabled: boolean) {
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(rules);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      previewRules(JSON.parse(key))
        .catch((): PreviewAnswer => ({ ok: false, message: 'The preview is not answering.' }))
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
  }, [key, enabled]);
  return { answer, loading };
}

function ConditionRow({
  condition,
  index,
  categories,
  brands,
  error,
  onChange,
  onRemove,
}: {
  condition: ConditionDraft;
  index: number;
  categories: CategoryOption[];
  brands: string[];
  error?: string;
  onChange: (next: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  return (
    <li className="grid gap-3 rounded-control border border-line p-3 sm:grid-cols-2 sm:items-end">
      <SelectField
        label={`Condition ${number}: field`}
        value={condition.field}
        options={conditionFields.map((field) => ({ value: field, label: fieldLabels[field] }))}
        onChange={(event) => {
          const field = event.target.value as ConditionDraft['field'];
          onChange({ field, operator: field === 'price' ? 'under' : 'is', value: '' });
        }}
      />
      {condition.field === 'price' ? (
        <SelectField
          label={`Condition ${number}: test`}
          value={condition.operator}
          options={[
            { value: 'under', label: 'is under' },
            { value: 'at_least', label: 'is at least' },
          ]}
          onChange={(event) =>
            onChange({ ...condition, operator: event.target.value as ConditionDraft['operator'] })
          }
        />
      ) : (
        <p className="pb-2 text-sm text-ink-muted">is</p>
      )}
      {condition.field === 'category' ? (
        <SelectField
          label={`Condition ${number}: category`}
          value={condition.value}
          error={error}
          options={[
            { value: '', label: 'Choose a category' },
            ...categories.map((category) => ({ value: category.slug, label: category.path })),
          ]}
          onChange={(event) => onChange({ ...condition, value: event.target.value })}
        />
      ) : (
        <TextField
          label={`Condition ${number}: ${condition.field === 'price' ? 'amount in euros' : condition.field}`}
          value={condition.value}
          error={error}
          inputMode={condition.field === 'price' ? 'decimal' : undefined}
          list={condition.field === 'brand' ? 'collection-brands' : undefined}
          maxLength={condition.field === 'tag' ? 40 : 100}
          onChange={(event) => onChange({ ...condition, value: event.target.value })}
        />
      )}
      <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
        Remove<span className="sr-only"> condition {number}</span>
      </Button>
      {condition.field === 'brand' ? (
        <datalist id="collection-brands">
          {brands.map((brand) => (
            <option key={brand} value={brand} />
          ))}
        </datalist>
      ) : null}
    </li>
  );
}

function RulePreview({ answer, loading }: { answer: PreviewAnswer | null; loading: boolean }) {
  return (
    <section aria-labelledby="rule-preview" aria-live="polite" aria-busy={loading}>
      <h3 id="rule-preview" className="text-sm font-semibold text-ink">
        Matches now{' '}
        {loading ? <span className="font-normal text-ink-muted">(updating…)</span> : null}
      </h3>
      {!answer ? null : !answer.ok ? (
        <p className="mt-2 text-sm text-ink-muted">{answer.message}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-ink" data-testid="preview-counts">
            {answer.preview.activeCount} active product
            {answer.preview.activeCount === 1 ? '' : 's'} shoppers see
            {answer.preview.draftCount > 0
              ? `; ${answer.preview.draftCount} draft${answer.preview.draftCount === 1 ? '' : 's'} would join when published`
              : ''}
            .
          </p>
          <ul className="mt-2 flex flex-col divide-y divide-line text-sm">
            {answer.preview.items.map((item) => (
              <li key={item.id} className="flex items-center justify-between gap-2 py-1.5">
                <span className="min-w-0 break-words">{item.name}</span>
                <Badge tone={statusLabel(item.status).tone}>{statusLabel(item.status).label}</Badge>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ManualProducts({
  products,
  onChange,
}: {
  products: ListedProduct[];
  onChange: (next: ListedProduct[]) => void;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundProduct[] | null>(null);
  const [searching, startSearch] = useTransition();
  const move = (from: number, to: number) => {
    const next = [...products];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  const search = () => startSearch(async () => setFound(await findProducts(query).catch(() => [])));
  return (
    <div className="flex flex-col gap-4">
      {products.length === 0 ? (
        <p className="text-sm text-ink-muted">No products yet. Find them below and add them.</p>
      ) : (
        <ol aria-label="Products in this collection" className="flex flex-col divide-y divide-line">
          {products.map((product, index) => (
            <li
              key={product.id}
              data-testid="collection-product"
              className="flex flex-wrap items-center justify-between gap-2 py-2"
            >
              <span className="min-w-0 break-words text-sm text-ink">
                {index + 1}. {product.name}{' '}
                <Badge tone={statusLabel(product.status).tone}>
                  {statusLabel(product.status).label}
                </Badge>
              </span>
              <span className="flex flex-wrap gap-1">
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  Up<span className="sr-only"> {product.name}</span>
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={index === products.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  Down<span className="sr-only"> {product.name}</span>
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => onChange(products.filter((entry) => entry.id !== product.id))}
                >
                  Remove<span className="sr-only"> {product.name}</span>
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="Find a product to add"
          className="min-w-0 flex-1"
          value={query}
          maxLength={100}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
        />
        <Button type="button" variant="secondary" onClick={search} disabled={!query.trim()}>
          {searching ? 'Searching…' : 'Find'}
        </Button>
      </div>
      {found ? (
        found.length === 0 ? (
          <p className="text-sm text-ink-muted">No product matches “{query}”.</p>
        ) : (
          <ul aria-label="Products found" className="flex flex-col divide-y divide-line">
            {found.map((product) => {
              const listed = products.some((entry) => entry.id === product.id);
              return (
                <li key={product.id} className="flex items-center justify-between gap-2 py-1.5">
                  <span className="min-w-0 break-words text-sm">{product.name}</span>
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={listed}
                    onClick={() => onChange([...products, product])}
                  >
                    {listed ? 'Added' : 'Add'}
                    <span className="sr-only"> {product.name}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </div>
  );
}

/**
 * Create or edit a collection: a manual list of products in order, or conditions with a live
 * preview of what they match. Errors show at their field; a stale save is reported.
 */
export function CollectionEditor({
  collectionId,
  version,
  initial,
  initialProducts = [],
  categories,
  brands,
  canWrite,
}: {
  collectionId?: string;
  version?: number;
  initial?: CollectionDraft;
  initialProducts?: ListedProduct[];
  categories: CategoryOption[];
  brands: string[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<CollectionDraft>(initial ?? emptyCollectionDraft());
  const [products, setProducts] = useState<ListedProduct[]>(initialProducts);
  const [handleEdited, setHandleEdited] = useState(Boolean(initial));
  const [state, setState] = useState<CollectionSaveState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  const preview = useRulePreview(draft.rules, draft.kind === 'rule');

  useEffect(() => {
    if (state.status !== 'error') return;
    const form = formRef.current;
    (
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-save-message]')
    )?.focus();
  }, [state]);

  const set = <K extends keyof CollectionDraft>(key: K, value: CollectionDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setConditions = (conditions: ConditionDraft[]) =>
    setDraft((current) => ({ ...current, rules: { ...current.rules, conditions } }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const next = await saveCollection({
        ...(collectionId ? { id: collectionId, expectedVersion: version } : {}),
        draft: { ...draft, productIds: products.map((product) => product.id) },
      }).catch((): CollectionSaveState => ({
        status: 'error',
        message: 'That did not go through. Check your connection and try again.',
      }));
      setState(next);
      if (next.status === 'success' && next.id) {
        router.replace(`/catalog/collections/${next.id}?saved=${next.version ?? ''}` as Route);
      }
    });
  };

  const sortOptions = (
    draft.kind === 'manual' ? Object.keys(sortLabels) : Object.keys(sortLabels).slice(1)
  ).map((value) => ({ value, label: sortLabels[value as keyof typeof sortLabels] }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6">
      <div tabIndex={-1} data-save-message className="focus:outline-none" aria-live="polite">
        {state.status === 'error' && state.message ? (
          <Notice tone="danger" title={state.message} data-testid="form-error" />
        ) : state.status === 'success' && state.message ? (
          <Notice tone="success" title={state.message} data-testid="form-success" />
        ) : null}
      </div>
      <fieldset disabled={!canWrite || pending} className="flex min-w-0 flex-col gap-6">
        <legend className="sr-only">Collection</legend>
        <Card>
          <CardHeader title="Basics" />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Title"
              required
              maxLength={120}
              value={draft.title}
              error={errors.title}
              onChange={(event) => {
                const title = event.target.value;
                setDraft((current) => ({
                  ...current,
                  title,
                  handle: handleEdited ? current.handle : slugFrom(title),
                }));
              }}
            />
            <TextField
              label="Address (handle)"
              required
              maxLength={120}
              value={draft.handle}
              error={errors.handle}
              hint={`Shoppers find it at /collections/${draft.handle || '…'}`}
              onChange={(event) => {
                setHandleEdited(true);
                set('handle', event.target.value);
              }}
            />
            <div className="flex flex-col gap-1.5 sm:col-span-2">
              <label htmlFor="collection-description" className="text-sm font-medium text-ink">
                Description (optional)
              </label>
              <textarea
                id="collection-description"
                rows={3}
                maxLength={2000}
                value={draft.description}
                onChange={(event) => set('description', event.target.value)}
                aria-invalid={errors.description ? true : undefined}
                className="rounded-control border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-card"
              />
              {errors.description ? (
                <p className="text-sm font-medium text-danger">{errors.description}</p>
              ) : null}
            </div>
            <fieldset className="flex flex-col gap-2" disabled={Boolean(collectionId)}>
              <legend className="text-sm font-medium text-ink">Kind</legend>
              {(
                [
                  ['rule', 'By rules: products matching conditions'],
                  ['manual', 'Manual: products I pick, in my order'],
                ] as const
              ).map(([kind, label]) => (
                <label key={kind} className="flex items-center gap-2 text-sm text-ink">
                  <input
                    type="radio"
                    name="kind"
                    value={kind}
                    checked={draft.kind === kind}
                    onChange={() => setDraft((current) => ({ ...current, kind, sort: '' }))}
                    className="size-4"
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            <SelectField
              label="Order in the shop"
              value={draft.sort || (draft.kind === 'manual' ? 'manual' : 'newest')}
              options={sortOptions}
              error={errors.sort}
              onChange={(event) => set('sort', event.target.value as CollectionDraft['sort'])}
            />
          </CardBody>
        </Card>

        {draft.kind === 'rule' ? (
          <Card>
            <CardHeader
              title="Conditions"
              description="Products join and leave as they change; drafts and archived products are never shown to shoppers."
            />
            <CardBody className="grid gap-6 lg:grid-cols-[3fr_2fr]">
              <div className="flex min-w-0 flex-col gap-3">
                <SelectField
                  label="Products must meet"
                  value={draft.rules.match}
                  options={[
                    { value: 'all', label: 'all conditions' },
                    { value: 'any', label: 'any condition' },
                  ]}
                  onChange={(event) =>
                    set('rules', { ...draft.rules, match: event.target.value as 'all' | 'any' })
                  }
                />
                {errors.conditions ? (
                  <p className="text-sm font-medium text-danger">{errors.conditions}</p>
                ) : null}
                <ul className="flex flex-col gap-3">
                  {draft.rules.conditions.map((condition, index) => (
                    <ConditionRow
                      key={index}
                      condition={condition}
                      index={index}
                      categories={categories}
                      brands={brands}
                      error={errors[`conditions.${index}`]}
                      onChange={(next) =>
                        setConditions(
                          draft.rules.conditions.map((entry, at) => (at === index ? next : entry)),
                        )
                      }
                      onRemove={() =>
                        setConditions(draft.rules.conditions.filter((_, at) => at !== index))
                      }
                    />
                  ))}
                </ul>
                <div>
                  <Button
                    type="button"
                    variant="secondary"
                    size="sm"
                    disabled={draft.rules.conditions.length >= 10}
                    onClick={() =>
                      setConditions([
                        ...draft.rules.conditions,
                        { field: 'tag', operator: 'is', value: '' },
                      ])
                    }
                  >
                    Add condition
                  </Button>
                </div>
              </div>
              <RulePreview answer={preview.answer} loading={preview.loading} />
            </CardBody>
          </Card>
        ) : (
          <Card>
            <CardHeader
              title="Products"
              description="Shoppers see the active ones, in this order."
            />
            <CardBody>
              {errors.productIds ? (
                <p className="mb-2 text-sm font-medium text-danger">{errors.productIds}</p>
              ) : null}
              <ManualProducts products={products} onChange={setProducts} />
            </CardBody>
          </Card>
        )}
        {canWrite ? (
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : collectionId ? 'Save collection' : 'Create collection'}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
