'use server';

import { revalidatePath } from 'next/cache';
import { currentSession } from '@/auth/current-session';
import { formStateFromError, type FormState } from '@shop/ui/form';
import { cellsAs } from '@/auth/signed-in-cells';
import { visitorCells } from './public-cells';

const invalidLink =
  'This confirmation link is not valid any more. Ask for a new one from your account.';

/** Confirms the email with the token from the link (a button press, so link scanners cannot). */
export async function verifyEmail(data: FormData): Promise<FormState> {
  const token = data.get('token');
  try {
    await (await visitorCells()).auth.verifyEmail.mutate({ token: String(token ?? '') });
    revalidatePath('/account', 'layout');
    return { status: 'success', message: 'Thank you, your email address is confirmed.' };
  } catch (error) {
    const state = formStateFromError(error, {
      fields: [],
      messages: { BAD_REQUEST: invalidLink, UNAUTHORIZED: invalidLink, NOT_FOUND: invalidLink },
    });
    return state.message?.startsWith('Check') ? { ...state, message: invalidLink } : state;
  }
}

/** Sends a new confirmation link to the signed-in shopper. */
export async function resendVerification(): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  try {
    await cellsAs(session).auth.requestEmailVerification.mutate();
    return { status: 'success', message: `We have sent a new link to ${session.account.email}.` };
  } catch (error) {
    return formStateFromError(error, { fields: [] });
  }
}
