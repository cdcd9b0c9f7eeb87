'use client';

import { Card, CardBody, CardHeader } from '@shop/ui';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { deleteCollection } from '@/app/catalog/collections/actions';

/** Deletes a collection after a confirmation; its shop page then answers "not found". */
export function DeleteCollectionForm({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useFormSubmit(deleteCollection, () =>
    router.replace('/catalog/collections' as Route),
  );
  return (
    <Card>
      <CardHeader
        title="Delete collection"
        description="Its page in the shop stops working; the products themselves are not touched."
      />
      <CardBody>
        <form
          ref={formRef}
          onSubmit={(event) => {
            if (!window.confirm(`Delete the collection “${title}”?`)) {
              event.preventDefault();
              return;
            }
            onSubmit(event);
          }}
          className="flex flex-col gap-3"
        >
          <FormMessage state={state} />
          <input type="hidden" name="id" value={id} />
          <div>
            <SubmitButton variant="danger" pending={pending} pendingLabel="Deleting…">
              Delete {title}
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
