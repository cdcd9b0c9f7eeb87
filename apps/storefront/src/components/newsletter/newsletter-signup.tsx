'use client';

import { Button, Input } from '@shop/ui';
import { idleForm } from '@shop/ui/form';
import { useActionState } from 'react';
import { subscribeFromFooter } from '@/app/newsletter/actions';
import { consentWording } from './consent-wording';

/**
 * The footer's newsletter form. Works without JavaScript (a server action posted by the form);
 * the wording under the field is the one stored with the consent.
 */
export function NewsletterSignup() {
  const [state, action, pending] = useActionState(subscribeFromFooter, idleForm);
  const error = state.fieldErrors?.email ?? (state.status === 'error' ? state.message : undefined);
  return (
    <form action={action} className="flex w-full max-w-sm flex-col gap-2" noValidate>
      <label htmlFor="newsletter-email" className="text-sm font-semibold text-ink">
        Get the newsletter
      </label>
      {state.status === 'success' ? (
        <p role="status" className="text-sm text-ink" data-testid="newsletter-sent">
          {state.message}
        </p>
      ) : (
        <>
          <div className="flex gap-2">
            <Input
              id="newsletter-email"
              name="email"
              type="email"
              autoComplete="email"
              required
              placeholder="you@example.com"
              invalid={Boolean(error)}
              aria-describedby={`newsletter-wording${error ? ' newsletter-error' : ''}`}
              className="min-w-0 flex-1"
            />
            <Button type="submit" disabled={pending} className="shrink-0">
              {pending ? 'Sending…' : 'Subscribe'}
            </Button>
          </div>
          {error ? (
            <p id="newsletter-error" role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <p id="newsletter-wording" className="text-xs text-ink-muted">
            {consentWording.footer}
          </p>
        </>
      )}
    </form>
  );
}
