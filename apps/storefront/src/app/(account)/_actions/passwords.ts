'use server';

import { formStateFromError, type FormState } from '@shop/ui/form';
import { visitorCells } from './public-cells';

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * Asks for a reset link. The answer is the same whether or not the email has an account, so the
 * form cannot be used to find out who shops here.
 */
export async function requestPasswordReset(data: FormData): Promise<FormState> {
  try {
    await (await visitorCells()).auth.requestPasswordReset.mutate({ email: field(data, 'email') });
  } catch (error) {
    const state = formStateFromError(error, { fields: ['email'] });
    // Only a malformed email or throttling is worth telling; anything else looks like success.
    if (state.fieldErrors?.email || /Too many/.test(state.message ?? '')) return state;
  }
  return {
    status: 'success',
    message:
      'If an account exists for that email, we have sent it a link to reset the password. It works once and expires soon.',
  };
}

/** Sets a new password with the token from the emailed link. */
export async function resetPassword(data: FormData): Promise<FormState> {
  try {
    await (
      await visitorCells()
    ).auth.resetPassword.mutate({ token: field(data, 'token'), password: field(data, 'password') });
    return { status: 'success', message: 'Your password has been changed. Sign in with it now.' };
  } catch (error) {
    return formStateFromError(error, {
      fields: ['password'],
      messages: {
        BAD_REQUEST: 'This reset link is not valid any more. Ask for a new one.',
        UNAUTHORIZED: 'This reset link is not valid any more. Ask for a new one.',
        NOT_FOUND: 'This reset link is not valid any more. Ask for a new one.',
      },
    });
  }
}
