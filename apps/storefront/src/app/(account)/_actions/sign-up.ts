'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { formStateFromError } from '@/auth/form-errors';
import { safeCallbackPath } from '@/auth/safe-callback';
import { startSession } from '@/auth/start-session';
import type { FormState } from '@/components/account/form-state';
import { visitorCells } from './public-cells';

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * Creates the account, signs the browser in with the tokens the auth cell answers and goes on to
 * the form's `callbackUrl` (a redirect from the action, so the URL and the header update together).
 */
export async function signUp(data: FormData): Promise<FormState> {
  const input = {
    name: field(data, 'name'),
    email: field(data, 'email'),
    password: field(data, 'password'),
  };
  try {
    const tokens = await (await visitorCells()).auth.register.mutate(input);
    await startSession(tokens);
  } catch (error) {
    return formStateFromError(error, {
      fields: ['name', 'email', 'password'],
      conflict: {
        field: 'email',
        message: 'An account with this email already exists. Sign in, or reset your password.',
      },
    });
  }
  redirect(safeCallbackPath(data.get('callbackUrl')) as Route);
}
