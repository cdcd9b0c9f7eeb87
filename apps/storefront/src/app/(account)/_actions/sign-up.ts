'use server';

import { formStateFromError, type FormState } from '@shop/ui/form';
import { startSession } from '@/auth/start-session';
import { visitorCells } from './public-cells';

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/** Creates the account and signs the browser in with the tokens the auth cell answers. */
export async function signUp(data: FormData): Promise<FormState> {
  const input = {
    name: field(data, 'name'),
    email: field(data, 'email'),
    password: field(data, 'password'),
  };
  try {
    const tokens = await (await visitorCells()).auth.register.mutate(input);
    await startSession(tokens);
    return { status: 'success', message: 'Your account is ready.' };
  } catch (error) {
    return formStateFromError(error, {
      fields: ['name', 'email', 'password'],
      conflict: {
        field: 'email',
        message: 'An account with this email already exists. Sign in, or reset your password.',
      },
    });
  }
}
