'use client';

import { Button, Notice } from '@shop/ui';
import { idleForm } from '@shop/ui/form';
import { useActionState } from 'react';
import { restoreCart } from '@/app/cart/restore/actions';

export function RestoreCartForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(restoreCart, idleForm);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.status === 'error' ? (
        <Notice tone="danger" title="That did not work">
          {state.message ?? 'Try again in a moment.'}
        </Notice>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Restoring…' : 'Put them back in my cart'}
        </Button>
      </div>
    </form>
  );
}
