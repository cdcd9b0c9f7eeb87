'use client';

import { Button, SelectField, TextField } from '@shop/ui';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { createCategory, moveCategory, updateCategory } from '@/app/catalog/categories/actions';
import type { CategoryOption } from './category-options';

/** Where a category may go: anywhere but itself and what is below it. */
function parentOptions(categories: readonly CategoryOption[], except?: string) {
  return [
    { value: '', label: 'Top level' },
    ...categories
      .filter(
        (category) =>
          !except || (category.slug !== except && !category.ancestorSlugs.includes(except)),
      )
      .map((category) => ({ value: category.slug, label: category.path })),
  ];
}

/** A new category: name, optional address, parent. */
export function NewCategoryForm({ categories }: { categories: CategoryOption[] }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(createCategory, (_state, form) =>
    form.reset(),
  );
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" name="name" required maxLength={100} error={errors.name} />
        <TextField
          label="Address (slug, optional)"
          name="slug"
          maxLength={120}
          hint="Empty: made from the name."
          error={errors.slug}
        />
        <SelectField
          label="Parent"
          name="parentSlug"
          defaultValue=""
          options={parentOptions(categories)}
          error={errors.parentSlug}
        />
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create category
        </SubmitButton>
      </div>
    </form>
  );
}

/** Rename a category or move it under another parent. */
export function EditCategoryForm({
  category,
  categories,
}: {
  category: CategoryOption;
  categories: CategoryOption[];
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(updateCategory);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-3 pt-3">
      <FormMessage state={state} />
      <input type="hidden" name="slug" value={category.slug} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={`New name for ${category.name}`}
          name="name"
          defaultValue={category.name}
          required
          maxLength={100}
          error={errors.name}
        />
        <SelectField
          label={`Parent of ${category.name}`}
          name="parentSlug"
          defaultValue={category.parentSlug ?? ''}
          options={parentOptions(categories, category.slug)}
          error={errors.parentSlug}
        />
      </div>
      <div>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save {category.name}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Move up / move down among siblings; each is a small form so it works before hydration too. */
export function ReorderButtons({
  category,
  siblings,
}: {
  category: CategoryOption;
  siblings: string[];
}) {
  const { state, pending, onSubmit } = useFormSubmit(moveCategory);
  const at = siblings.indexOf(category.slug);
  return (
    <div className="flex flex-wrap items-center gap-1">
      {(['up', 'down'] as const).map((direction) => {
        const disabled = direction === 'up' ? at <= 0 : at >= siblings.length - 1;
        return (
          <form key={direction} onSubmit={onSubmit}>
            <input type="hidden" name="slug" value={category.slug} />
            <input type="hidden" name="parentSlug" value={category.parentSlug ?? ''} />
            <input type="hidden" name="siblings" value={siblings.join(',')} />
            <input type="hidden" name="direction" value={direction} />
            <Button type="submit" size="sm" variant="ghost" disabled={disabled || pending}>
              Move {direction}
              <span className="sr-only"> {category.name}</span>
            </Button>
          </form>
        );
      })}
      {state.status === 'error' && state.message ? (
        <span role="alert" className="text-xs font-medium text-danger">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
