'use client';

import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Notice,
  SelectField,
  TextField,
  buttonClassNames,
} from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { saveProduct } from '@/app/catalog/actions';
import type { CategoryOption } from './category-options';
import {
  emptyDraft,
  generateVariants,
  slugFrom,
  variantLabel,
  type ProductDraft,
  type VariantDraft,
} from './editor-values';
import { ProductImagesField } from './product-images-field';
import { RichTextField } from './rich-text-field';
import type { EditorSaveState } from './save-errors';
import { SeoPreview, seoDescriptionLimit, seoTitleLimit } from './seo-preview';

const collectionLabels = {
  featured: 'Featured',
  'new-arrivals': 'New arrivals',
  'best-sellers': 'Best sellers',
} as const;

/** Plain text of editor HTML, for the search preview (the server derives the stored one). */
function textOf(html: string): string {
  return html
    .replace(/<\/(p|li|h3|h4)>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The product editor: create a product, or edit one at the version it was opened at. Errors
 * show at their field; a save that lost the race to someone else's save is told so and offered
 * a reload instead of overwriting it.
 */
export function ProductEditor({
  productId,
  version,
  initial,
  categories,
  canWrite,
}: {
  productId?: string;
  version?: number;
  initial?: ProductDraft;
  categories: CategoryOption[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<ProductDraft>(initial ?? emptyDraft());
  const [slugEdited, setSlugEdited] = useState(Boolean(initial));
  const [state, setState] = useState<EditorSaveState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};

  useEffect(() => {
    if (state.status === 'idle' || state.status === 'success') return;
    const form = formRef.current;
    const target =
      state.status === 'conflict'
        ? form?.querySelector<HTMLElement>('[data-save-message]')
        : (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
          form?.querySelector<HTMLElement>('[data-save-message]'));
    target?.focus();
  }, [state]);

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setVariant = (index: number, changes: Partial<VariantDraft>) =>
    setDraft((current) => ({
      ...current,
      variants: current.variants.map((variant, at) =>
        at === index ? { ...variant, ...changes } : variant,
      ),
    }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const next = await saveProduct({
        ...(productId ? { id: productId, expectedVersion: version } : {}),
        draft,
      }).catch((): EditorSaveState => ({
        status: 'error',
        message: 'That did not go through. Check your connection and try again.',
      }));
      setState(next);
      if (next.status === 'success' && next.id) {
        // The page reopens the editor at the saved version and says it was saved.
        router.replace(
          (productId
            ? `/catalog/${next.id}?saved=${next.version ?? ''}`
            : `/catalog/${next.id}?created=1`) as Route,
        );
      }
    });
  };

  const generate = () =>
    setDraft((current) => ({
      ...current,
      variants: generateVariants(current.options, current.variants, current.slug),
    }));

  const seoTitle = draft.seoTitle || draft.name;
  const seoDescription = draft.seoDescription || textOf(draft.descriptionHtml);

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6">
      <div tabIndex={-1} data-save-message className="focus:outline-none" aria-live="polite">
        {state.status === 'conflict' ? (
          <Notice tone="warning" title="Someone else saved this product while you were editing">
            <p>{state.message}</p>
            <p className="mt-2">
              Your changes are still in the form. Reloading shows their version; copy anything you
              want to keep first.
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => window.location.reload()}>
                Reload the product
              </Button>
            </div>
          </Notice>
        ) : state.status === 'error' && state.message ? (
          <Notice tone="danger" title={state.message} data-testid="form-error" />
        ) : state.status === 'success' && state.message ? (
          <Notice tone="success" title={state.message} data-testid="form-success" />
        ) : null}
      </div>

      <fieldset disabled={!canWrite || pending} className="flex min-w-0 flex-col gap-6">
        <legend className="sr-only">Product</legend>
        <Card>
          <CardHeader title="Basics" />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Name"
              name="name"
              required
              maxLength={200}
              value={draft.name}
              onChange={(event) => {
                const name = event.target.value;
                setDraft((current) => ({
                  ...current,
                  name,
                  ...(slugEdited ? {} : { slug: slugFrom(name) }),
                }));
              }}
              error={errors.name}
            />
            <TextField
              label="Brand"
              name="brand"
              required
              maxLength={100}
              value={draft.brand}
              onChange={(event) => set('brand', event.target.value)}
              error={errors.brand}
            />
            <TextField
              label="Address (slug)"
              name="slug"
              required
              maxLength={120}
              value={draft.slug}
              onChange={(event) => {
                setSlugEdited(true);
                set('slug', event.target.value);
              }}
              hint={`Shown in the shop's address: /products/${draft.slug || '…'}`}
              error={errors.slug}
            />
            <div className="sm:col-span-2">
              <RichTextField
                label="Description"
                initialHtml={draft.descriptionHtml}
                onChange={(html) => set('descriptionHtml', html)}
                hint="At least 20 characters to publish. Formatting is cleaned on save."
                error={errors.descriptionHtml}
                disabled={!canWrite}
              />
            </div>
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Images"
            description="Drag to reorder, or use Earlier and Later. The first image is the one listings show."
          />
          <CardBody>
            <ProductImagesField
              images={draft.images}
              variants={draft.variants}
              onChange={(update) => setDraft((current) => ({ ...current, ...update(current) }))}
              errors={errors}
              disabled={!canWrite || pending}
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Status and placement" />
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Status"
              name="status"
              value={draft.status}
              onChange={(event) => set('status', event.target.value as ProductDraft['status'])}
              options={[
                { value: 'draft', label: 'Draft (hidden from shoppers)' },
                { value: 'active', label: 'Active (for sale)' },
                { value: 'archived', label: 'Archived (hidden, kept for orders)' },
              ]}
              hint="Publishing needs a name, brand, description, category, prices and alt text on every image."
              error={errors.status}
            />
            <SelectField
              label="Tax class"
              name="taxClass"
              value={draft.taxClass}
              onChange={(event) => set('taxClass', event.target.value as ProductDraft['taxClass'])}
              options={[
                { value: 'standard', label: 'Standard rate' },
                { value: 'reduced', label: 'Reduced rate (e.g. books, food)' },
                { value: 'zero', label: 'Zero rate' },
              ]}
              hint="Which rate checkout applies; the rates per country are under Settings, Shipping & tax."
              error={errors.taxClass}
            />
            <TextField
              label="Publish date (UTC, optional)"
              name="publishedAt"
              type="datetime-local"
              value={draft.publishedAt}
              onChange={(event) => set('publishedAt', event.target.value)}
              hint="Empty: the moment it is first published. Not in the future."
              error={errors.publishedAt}
            />
            <fieldset className="flex flex-col gap-2 sm:col-span-2">
              <legend className="text-sm font-medium text-ink">Categories</legend>
              {errors.categorySlugs ? (
                <p className="text-sm font-medium text-danger" id="categories-error">
                  {errors.categorySlugs}
                </p>
              ) : null}
              <div className="grid max-h-64 gap-1 overflow-y-auto rounded-control border border-line p-2 sm:grid-cols-2">
                {categories.map((category) => (
                  <label
                    key={category.slug}
                    className="flex items-center gap-2 text-sm text-ink"
                    style={{ paddingInlineStart: `${category.depth * 1}rem` }}
                  >
                    <input
                      type="checkbox"
                      name="categorySlugs"
                      value={category.slug}
                      checked={draft.categorySlugs.includes(category.slug)}
                      aria-invalid={errors.categorySlugs ? true : undefined}
                      aria-describedby={errors.categorySlugs ? 'categories-error' : undefined}
                      onChange={(event) =>
                        set(
                          'categorySlugs',
                          event.target.checked
                            ? [...draft.categorySlugs, category.slug]
                            : draft.categorySlugs.filter((slug) => slug !== category.slug),
                        )
                      }
                      className="size-4"
                    />
                    {category.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="flex flex-col gap-2 sm:col-span-2">
              <legend className="text-sm font-medium text-ink">Home-page collections</legend>
              <div className="flex flex-wrap gap-4">
                {Object.entries(collectionLabels).map(([slug, label]) => (
                  <label key={slug} className="flex items-center gap-2 text-sm text-ink">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={draft.collections.includes(slug)}
                      onChange={(event) =>
                        set(
                          'collections',
                          event.target.checked
                            ? [...draft.collections, slug]
                            : draft.collections.filter((entry) => entry !== slug),
                        )
                      }
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextField
              label="Tags"
              className="sm:col-span-2"
              value={draft.tags}
              onChange={(event) => set('tags', event.target.value)}
              maxLength={2000}
              hint="Separated by commas, e.g. summer, gift. Rule collections match them; stored in lower case, up to 20."
              error={errors.tags}
              disabled={!canWrite}
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Options and variants"
            description="Options such as colour or size make one variant per combination; each variant has its own SKU, price and stock."
          />
          <CardBody className="flex flex-col gap-4">
            {draft.options.map((option, index) => (
              <div
                key={index}
                className="grid gap-3 rounded-control border border-line p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end"
              >
                <TextField
                  label={`Option ${index + 1} name`}
                  value={option.name}
                  placeholder="Colour"
                  onChange={(event) =>
                    set(
                      'options',
                      draft.options.map((entry, at) =>
                        at === index ? { ...entry, name: event.target.value } : entry,
                      ),
                    )
                  }
                  error={errors[`options.${index}.name`] ?? errors[`options.${index}`]}
                />
                <TextField
                  label={`Option ${index + 1} values`}
                  value={option.values}
                  placeholder="Red, Blue, Green"
                  hint="Separate values with commas."
                  onChange={(event) =>
                    set(
                      'options',
                      draft.options.map((entry, at) =>
                        at === index ? { ...entry, values: event.target.value } : entry,
                      ),
                    )
                  }
                  error={errors[`options.${index}.values`]}
                />
                <Button
                  variant="ghost"
                  onClick={() =>
                    set(
                      'options',
                      draft.options.filter((_, at) => at !== index),
                    )
                  }
                >
                  Remove option {index + 1}
                </Button>
              </div>
            ))}
            <div className="flex flex-wrap gap-2">
              {draft.options.length < 3 ? (
                <Button
                  variant="secondary"
                  onClick={() => set('options', [...draft.options, { name: '', values: '' }])}
                >
                  Add an option
                </Button>
              ) : null}
              <Button variant="secondary" onClick={generate}>
                Generate variants from options
              </Button>
            </div>
            {errors.variants ? (
              <p className="text-sm font-medium text-danger">{errors.variants}</p>
            ) : null}
            <VariantsTable
              variants={draft.variants}
              errors={errors}
              onChange={setVariant}
              onRemove={(index) =>
                set(
                  'variants',
                  draft.variants.filter((_, at) => at !== index),
                )
              }
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Search engines"
            description="What search engines show for the product page. Empty fields use the name and the description."
          />
          <CardBody className="grid gap-4 lg:grid-cols-2">
            <div className="flex flex-col gap-4">
              <TextField
                label="SEO title (optional)"
                name="seoTitle"
                maxLength={120}
                value={draft.seoTitle}
                onChange={(event) => set('seoTitle', event.target.value)}
                hint={`${seoTitle.length} of about ${seoTitleLimit} characters shown.`}
                error={errors['seo.title']}
              />
              <div className="flex flex-col gap-1.5">
                <label htmlFor="seo-description" className="text-sm font-medium text-ink">
                  SEO description (optional)
                </label>
                <textarea
                  id="seo-description"
                  name="seoDescription"
                  rows={3}
                  maxLength={320}
                  value={draft.seoDescription}
                  onChange={(event) => set('seoDescription', event.target.value)}
                  aria-describedby="seo-description-hint"
                  aria-invalid={errors['seo.description'] ? true : undefined}
                  className="rounded-control border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-card"
                />
                <p id="seo-description-hint" className="text-sm text-ink-muted">
                  {seoDescription.length} of about {seoDescriptionLimit} characters shown.
                </p>
                {errors['seo.description'] ? (
                  <p className="text-sm font-medium text-danger">{errors['seo.description']}</p>
                ) : null}
              </div>
            </div>
            <SeoPreview
              siteName="Your shop"
              url={`/products/${draft.slug || 'product-address'}`}
              title={seoTitle}
              description={seoDescription}
            />
          </CardBody>
        </Card>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        {canWrite ? (
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? 'Saving…' : productId ? 'Save product' : 'Create product'}
          </Button>
        ) : (
          <p className="text-sm text-ink-muted">Your role may read the catalogue, not change it.</p>
        )}
        <Link href="/catalog" className={buttonClassNames({ variant: 'ghost' })}>
          Back to products
        </Link>
      </div>
    </form>
  );
}

/** One row per variant; every input is named after its variant for screen readers. */
function VariantsTable({
  variants,
  errors,
  onChange,
  onRemove,
}: {
  variants: VariantDraft[];
  errors: Record<string, string>;
  onChange: (index: number, changes: Partial<VariantDraft>) => void;
  onRemove: (index: number) => void;
}) {
  const fields = [
    { key: 'sku', error: 'sku', header: 'SKU', width: 'w-44', mode: 'text' },
    { key: 'price', error: 'priceMinor', header: 'Price (EUR)', width: 'w-24', mode: 'decimal' },
    {
      key: 'compareAt',
      error: 'compareAtPriceMinor',
      header: 'Compare-at (EUR)',
      width: 'w-24',
      mode: 'decimal',
    },
    { key: 'stock', error: 'onHand', header: 'Stock', width: 'w-20', mode: 'numeric' },
    { key: 'barcode', error: 'barcode', header: 'Barcode', width: 'w-36', mode: 'numeric' },
    { key: 'weight', error: 'weightGrams', header: 'Weight (g)', width: 'w-24', mode: 'numeric' },
  ] as const;
  return (
    // relative: the visually hidden labels (absolutely positioned) stay inside the scroller
    // instead of widening the page.
    <div className="relative overflow-x-auto rounded-card border border-line">
      {/* Below 640 px each variant is a small card of labelled fields instead of a wide row. */}
      <table className="w-full text-sm max-sm:block sm:min-w-[52rem]" data-testid="variants-table">
        <caption className="sr-only">Variants ({variants.length})</caption>
        <thead className="bg-surface-sunken text-left text-ink-muted max-sm:hidden">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Variant
            </th>
            {fields.map((field) => (
              <th key={field.key} scope="col" className="px-3 py-2 font-medium">
                {field.header}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {variants.map((variant, index) => {
            const name = variantLabel(variant);
            const rowError =
              errors[`variants.${index}.optionValues`] ?? errors[`variants.${index}`];
            return (
              <tr
                key={index}
                className="border-t border-line align-top first:border-t-0 max-sm:block max-sm:py-2 sm:first:border-t"
                data-testid="variant-row"
              >
                <th scope="row" className="px-3 py-2 text-left font-medium text-ink max-sm:block">
                  {name}
                  {rowError ? (
                    <span className="block text-xs font-medium text-danger">{rowError}</span>
                  ) : null}
                </th>
                {fields.map((field) => {
                  const error = errors[`variants.${index}.${field.error}`];
                  const errorId = `variant-${index}-${field.key}-error`;
                  return (
                    <td
                      key={field.key}
                      className="px-3 py-2 max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_10rem] max-sm:items-center max-sm:gap-x-3 max-sm:py-1"
                    >
                      {/* The input is named by aria-label; this is the same words for the eye. */}
                      <span aria-hidden="true" className="text-xs text-ink-muted sm:hidden">
                        {field.header}
                      </span>
                      <input
                        aria-label={`${field.header} for ${name}`}
                        value={variant[field.key]}
                        inputMode={field.mode === 'text' ? undefined : field.mode}
                        autoComplete="off"
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(event) => onChange(index, { [field.key]: event.target.value })}
                        className={`h-9 ${field.width} rounded-control border max-sm:w-full bg-surface px-2 text-sm text-ink ${error ? 'border-danger' : 'border-line-strong'}`}
                      />
                      {error ? (
                        <span
                          id={errorId}
                          className="mt-1 block text-xs font-medium text-danger max-sm:col-span-2 max-sm:text-right"
                        >
                          {error}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                <td className="px-3 py-2 max-sm:block max-sm:text-right">
                  {variants.length > 1 ? (
                    <Button size="sm" variant="ghost" onClick={() => onRemove(index)}>
                      Remove<span className="sr-only"> {name}</span>
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
