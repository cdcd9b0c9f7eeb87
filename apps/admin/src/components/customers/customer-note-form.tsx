'use client';

import { useState } from 'react';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { addCustomerNote } from '@/app/customers/actions';

const maxLength = 2000;

/**
 * Adds a note about the customer. The request key stays the same until a save succeeds, so a
 * save retried after a lost answer (or a double click) stores one note.
 */
export function CustomerNoteForm({ accountId }: { accountId: string }) {
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  const [body, setBody] = useState('');
  const { state, pending, onSubmit, formRef } = useFormSubmit(addCustomerNote, () => {
    setBody('');
    setRequestKey(crypto.randomUUID());
  });
  const error = state.fieldErrors?.body;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="requestKey" value={requestKey} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="customer-note" className="text-sm font-medium text-ink">
          Add a note
        </label>
        <textarea
          id="customer-note"
          name="body"
          rows={3}
          maxLength={maxLength}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-describedby={error ? 'customer-note-hint customer-note-error' : 'customer-note-hint'}
          aria-invalid={error ? true : undefined}
          className="rounded-control border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-card aria-invalid:border-danger"
        />
        <p id="customer-note-hint" className="text-sm text-ink-muted">
          Visible to staff only; kept with your name. {body.length} of {maxLength} characters.
        </p>
        {error ? (
          <p id="customer-note-error" className="text-sm font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton size="sm" variant="secondary" pending={pending} pendingLabel="Saving…">
          Save note
        </SubmitButton>
      </div>
    </form>
  );
}
