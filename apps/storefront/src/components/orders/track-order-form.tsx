'use client';

import type { RouterInputs } from '@shop/api/client';
import { Button, Notice, TextField } from '@shop/ui';
import { useActionState, useEffect, useRef } from 'react';
import type { FormState } from '@shop/ui/form';

/** The lookup form's state: what was typed comes back, so a refused lookup keeps it. */
export type TrackOrderState = FormState & { values?: RouterInputs['order']['lookup'] };

/**
 * Order number and email, sent to a server action that finds the order (and redirects to it).
 * A plain form action: it works before hydration and without JavaScript.
 */
export function TrackOrderForm({
  action,
  initialNumber,
}: {
  action: (state: TrackOrderState, data: FormData) => Promise<TrackOrderState>;
  initialNumber?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') messageRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.status === 'error' && state.message ? (
        <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
          <Notice tone="danger" title={state.message} data-testid="track-error" />
        </div>
      ) : null}
      <TextField
        label="Order number"
        name="number"
        required
        autoComplete="off"
        placeholder="SO-7KQ4-M2XH"
        hint="It is in your order confirmation email."
        defaultValue={state.values?.number ?? initialNumber ?? ''}
        error={state.fieldErrors?.number}
      />
      <TextField
        label="Email address"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={state.values?.email ?? ''}
        error={state.fieldErrors?.email}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Looking up…' : 'Find my order'}
        </Button>
      </div>
    </form>
  );
}
