'use client';

import { Button, Notice } from '@shop/ui';
import type { FormState } from '@shop/ui/form';
import { useActionState, useEffect, useRef } from 'react';

/** What asking for the link answers: where it went (masked) once it is on its way. */
export type CancelLinkState = FormState & { sentTo?: string };
export type RequestCancelLinkAction = (
  state: CancelLinkState,
  data: FormData,
) => Promise<CancelLinkState>;

const idle: CancelLinkState = { status: 'idle' };

/**
 * "Cancel order" for a guest who looked the order up: knowing the number and the email is not
 * proof of owning the mailbox, so the button asks for a single-use link sent to the order's
 * address, and only that link cancels. The answer ("We emailed a link to s•••@example.com") is
 * announced to screen readers and takes the focus.
 */
export function EmailCancelLinkForm({
  number,
  action,
}: {
  number: string;
  action: RequestCancelLinkAction;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const answerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') answerRef.current?.focus();
  }, [state]);

  return (
    <div className="flex flex-col gap-3" data-testid="cancel-by-email">
      <div ref={answerRef} tabIndex={-1} className="focus:outline-none" aria-live="polite">
        {state.status === 'success' ? (
          <Notice tone="success" title={`We emailed a link to ${state.sentTo ?? 'your address'}`}>
            Open it to cancel order {number}. It works once and expires in an hour. Nothing changes
            until you confirm there.
          </Notice>
        ) : state.status === 'error' && state.message ? (
          <Notice tone="danger" title="We could not send the link">
            {state.message}
          </Notice>
        ) : null}
      </div>
      <p className="text-sm text-ink-muted">
        To keep your order safe, we email a link to cancel it to the address you ordered with.
      </p>
      <form action={formAction}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending
            ? 'Sending the link…'
            : state.status === 'success'
              ? 'Send the link again'
              : 'Cancel order'}
        </Button>
      </form>
    </div>
  );
}
