'use server';

import { revalidatePath } from 'next/cache';
import { formStateFromError, type FormState } from '@shop/ui/form';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

/** Adds a staff note about a customer; the user cell checks customers:write. */
export async function addCustomerNote(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const accountId = String(data.get('accountId') ?? '');
  try {
    await cellsAs(session).user.addCustomerNote.mutate({
      accountId,
      body: String(data.get('body') ?? ''),
      requestKey: String(data.get('requestKey') ?? ''),
    });
    revalidatePath(`/customers/${accountId}`);
    return { status: 'success', message: 'Note added.' };
  } catch (error) {
    return formStateFromError(error, {
      fields: ['body'],
      messages: { FORBIDDEN: 'Your role may read notes but not add them.' },
    });
  }
}
