'use client';

import { Button, SelectField } from '@shop/ui';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { changeMembership } from '@/app/catalog/collections/actions';

/** Adds the product to one of the manual collections it is not in yet. */
export function AddToCollectionForm({
  productId,
  collections,
}: {
  productId: string;
  collections: { id: string; title: string }[];
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(changeMembership);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="change" value="add" />
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Add to a manual collection"
          name="collectionId"
          className="min-w-0 flex-1"
          defaultValue=""
          options={[
            { value: '', label: 'Choose a collection' },
            ...collections.map((entry) => ({ value: entry.id, label: entry.title })),
          ]}
        />
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Adding…">
          Add to collection
        </SubmitButton>
      </div>
    </form>
  );
}

/** Takes the product out of a manual collection. */
export function RemoveFromCollectionButton({
  collectionId,
  productId,
  title,
}: {
  collectionId: string;
  productId: string;
  title: string;
}) {
  const { state, pending, onSubmit } = useFormSubmit(changeMembership);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="collectionId" value={collectionId} />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="change" value="remove" />
      <Button type="submit" size="sm" variant="ghost" disabled={pending}>
        Remove<span className="sr-only"> from {title}</span>
      </Button>
      {state.status === 'error' && state.message ? (
        <span role="alert" className="text-xs font-medium text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
