'use client';

import { Button, Notice } from '@shop/ui';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { LinkActionState } from '@/app/newsletter/actions';

type LinkAction = (state: LinkActionState, data: FormData) => Promise<LinkActionState>;

/**
 * A link's page with one button: opening the page changes nothing (mail scanners open links);
 * the button does it. The outcome takes the focus and is announced.
 */
export function LinkActionForm({
  token,
  action,
  button,
  pendingLabel,
  success,
  testId,
}: {
  token: string;
  action: LinkAction;
  button: string;
  pendingLabel: string;
  success: (state: LinkActionState) => { title: string; body: ReactNode };
  testId: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') outcomeRef.current?.focus();
  }, [state]);

  if (state.status === 'success') {
    const { title, body } = success(state);
    return (
      // The notice itself is the live region (role status); this only takes the focus.
      <div ref={outcomeRef} tabIndex={-1} className="focus:outline-none">
        <Notice tone="success" title={title}>
          {body}
        </Notice>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid={testId}>
      {state.status === 'error' ? (
        <div ref={outcomeRef} tabIndex={-1} role="alert" className="focus:outline-none">
          <Notice tone="danger" title="That did not work">
            {state.message ?? 'Try again in a moment.'}
          </Notice>
        </div>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : button}
        </Button>
      </div>
    </form>
  );
}
