'use server';

import { isRole, type Role } from '@shop/api/permissions';
import { revalidatePath } from 'next/cache';
import { currentSession } from '@/auth/current-session';
import { formStateFromError, type FormState } from '@shop/ui/form';
import { cellsAs } from '@/auth/signed-in-cells';

/** Replaces one account's roles; the auth cell checks accounts:manage and the self-demotion rule. */
export async function setRoles(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const roles: Role[] = data
    .getAll('roles')
    .filter((value): value is string => typeof value === 'string')
    .filter(isRole);
  try {
    const account = await cellsAs(session).auth.setRoles.mutate({
      accountId: String(data.get('accountId') ?? ''),
      roles,
    });
    revalidatePath('/staff');
    return {
      status: 'success',
      message: `Roles saved for ${account.name}. They apply from their next sign-in or token refresh (at most 15 minutes).`,
    };
  } catch (error) {
    return formStateFromError(error, {
      fields: ['roles'],
      messages: { FORBIDDEN: 'Your role may not change roles.' },
    });
  }
}
