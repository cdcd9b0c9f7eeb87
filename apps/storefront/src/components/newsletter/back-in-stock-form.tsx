'use client';

import { Button, Input } from '@shop/ui';
import { idleForm } from '@shop/ui/form';
import { useActionState } from 'react';
import { askBackInStock } from '@/app/newsletter/actions';

/**
 * "Email me when available" under a sold-out variant: one email when it is restocked, then the
 * request ends. Not the newsletter: the address is used for this one email only.
 */
export function BackInStockForm({ sku }: { sku: string }) {
  const [state, action, pending] = useActionState(askBackInStock, idleForm);
  const error = state.fieldErrors?.email ?? (state.status === 'error' ? state.message : undefined);
  if (state.status === 'success') {
    return (
      <p role="status" className="text-sm text-ink" data-testid="back-in-stock-done">
        {state.message}
      </p>
    );
  }
  return (
    <form
      action={action}
      className="flex flex-col gap-2 rounded-card border border-line p-4"
      data-testid="back-in-stock"
      noValidate
    >
      <label htmlFor={`back-in-stock-${sku}`} className="text-sm font-medium text-ink">
        Email me when it is back
      </label>
      <input type="hidden" name="sku" value={sku} />
      <div className="flex gap-2">
        <Input
          id={`back-in-stock-${sku}`}
          name="email"
          type="email"
          autoComplete="email"
          required
          invalid={Boolean(error)}
          className="min-w-0 flex-1"
        />
        <Button type="submit" variant="secondary" disabled={pending} className="shrink-0">
          {pending ? 'Saving…' : 'Notify me'}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p className="text-xs text-ink-muted">
          One email when this option is in stock again; nothing else.
        </p>
      )}
    </form>
  );
}
