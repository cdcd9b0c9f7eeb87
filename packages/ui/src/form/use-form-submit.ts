'use client';

import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { idleForm, type FormState } from './form-state';

/**
 * Submits a form to a server action without React's automatic form reset (a failed submit keeps
 * what the user typed), tracks the pending state, and moves focus to the first field in error
 * so keyboard and screen-reader users land where the fix is needed. Forms with a password say
 * `method="post"`: a submit before hydration then never puts the password in the URL.
 */
export function useFormSubmit(
  action: (data: FormData) => Promise<FormState>,
  onSuccess?: (state: FormState, form: HTMLFormElement) => void,
) {
  const [state, setState] = useState<FormState>(idleForm);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status !== 'error') return;
    const form = formRef.current;
    const firstInvalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? form?.querySelector<HTMLElement>('[data-form-message]'))?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const next = await action(data).catch((): FormState => ({
        status: 'error',
        message: 'That did not go through. Check your connection and try again.',
      }));
      setState(next);
      if (next.status === 'success') onSuccess?.(next, form);
    });
  };

  return { state, setState, pending, onSubmit, formRef };
}
