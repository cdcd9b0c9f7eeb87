'use server';

import { revalidatePath } from 'next/cache';
import { currentSession } from '@/auth/current-session';
import { formStateFromError, type FormState } from '@shop/ui/form';
import { cellsAs } from '@/auth/signed-in-cells';
import { endSession } from '@/auth/start-session';
import { logOut } from '@shop/auth-session/auth-cell';
import { consentWording } from '@/components/newsletter/consent-wording';

const sessionEnded: FormState = {
  status: 'error',
  message: 'Your session has ended. Sign in again to continue.',
};

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/** Runs a change as the signed-in shopper and refreshes the account pages (and header name). */
async function asShopper(
  change: (client: ReturnType<typeof cellsAs>) => Promise<unknown>,
  success: string,
  fields: readonly string[],
): Promise<FormState> {
  const session = await currentSession();
  if (!session) return sessionEnded;
  try {
    await change(cellsAs(session));
  } catch (error) {
    return formStateFromError(error, { fields, messages: { UNAUTHORIZED: sessionEnded.message } });
  }
  revalidatePath('/account', 'layout');
  return { status: 'success', message: success };
}

export async function updateProfile(data: FormData): Promise<FormState> {
  return asShopper(
    (client) =>
      client.user.updateProfile.mutate({ name: field(data, 'name'), phone: field(data, 'phone') }),
    'Profile saved.',
    ['name', 'phone'],
  );
}

export async function updatePreferences(data: FormData): Promise<FormState> {
  return asShopper(
    (client) =>
      client.user.updatePreferences.mutate({
        // Marketing consent is the notification cell's (double opt-in): `setNewsletter` below.
        // Casts: the form's strings go to the cell as typed; the cell refuses anything it does
        // not offer, with a message shown next to the field.
        language: field(data, 'language') as never,
        currency: field(data, 'currency') as never,
      }),
    'Preferences saved.',
    ['language', 'currency'],
  );
}

/**
 * The newsletter switch on the preferences page: on asks for a confirmation by email (double
 * opt-in, as in the footer), off unsubscribes at once.
 */
export async function setNewsletter(data: FormData): Promise<FormState> {
  const subscribed = data.get('subscribed') === 'on';
  return asShopper(
    (client) =>
      client.notification.setMyNewsletter.mutate({ subscribed, wording: consentWording.account }),
    subscribed
      ? 'Almost done: we have emailed you a link. Follow it to confirm.'
      : 'You are unsubscribed from marketing email.',
    ['subscribed'],
  );
}

const addressFields = ['name', 'line1', 'line2', 'city', 'region', 'postcode', 'country', 'phone'];

/** Adds an address, or updates the one named by the form's `id`. */
export async function saveAddress(data: FormData): Promise<FormState> {
  const values = Object.fromEntries(addressFields.map((name) => [name, field(data, name)]));
  const id = field(data, 'id');
  // Cast: the cell validates country and postcode and answers issues named by field.
  return asShopper(
    (client) =>
      id
        ? client.user.updateAddress.mutate({ id, ...values } as never)
        : client.user.addAddress.mutate(values as never),
    id ? 'Address saved.' : 'Address added.',
    addressFields,
  );
}

export async function removeAddress(data: FormData): Promise<FormState> {
  return asShopper(
    (client) => client.user.removeAddress.mutate({ id: field(data, 'id') }),
    'Address removed.',
    [],
  );
}

export async function setDefaultAddress(data: FormData): Promise<FormState> {
  const kind = field(data, 'kind') === 'billing' ? 'billing' : 'shipping';
  return asShopper(
    (client) => client.user.setDefaultAddress.mutate({ id: field(data, 'id'), kind }),
    kind === 'billing' ? 'Default billing address set.' : 'Default shipping address set.',
    [],
  );
}

const wrongPassword = 'That password is not right.';

export async function changePassword(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return sessionEnded;
  try {
    await cellsAs(session).auth.changePassword.mutate({
      currentPassword: field(data, 'currentPassword'),
      newPassword: field(data, 'newPassword'),
    });
  } catch (error) {
    // With a valid session, a refusal means the current password was wrong.
    const state = formStateFromError(error, {
      fields: ['currentPassword', 'newPassword'],
      messages: { UNAUTHORIZED: wrongPassword, FORBIDDEN: wrongPassword },
    });
    return state.message === wrongPassword
      ? { status: 'error', fieldErrors: { currentPassword: wrongPassword } }
      : state;
  }
  return { status: 'success', message: 'Your password has been changed.' };
}

/** Ends every session of the account (other browsers too), then this one. */
export async function signOutEverywhere(): Promise<FormState> {
  const session = await currentSession();
  if (!session) return sessionEnded;
  try {
    await cellsAs(session).auth.logoutEverywhere.mutate();
  } catch (error) {
    return formStateFromError(error, { fields: [] });
  }
  await endSession();
  return { status: 'success', message: 'You have been signed out everywhere.' };
}

/** Deletes the account after the password is confirmed, then forgets the session here. */
export async function deleteAccount(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return sessionEnded;
  try {
    await cellsAs(session).auth.deleteAccount.mutate({ password: field(data, 'password') });
  } catch (error) {
    const state = formStateFromError(error, {
      fields: ['password'],
      messages: { UNAUTHORIZED: wrongPassword, FORBIDDEN: wrongPassword },
    });
    return state.message === wrongPassword
      ? { status: 'error', fieldErrors: { password: wrongPassword } }
      : state;
  }
  await logOut(session.refreshToken).catch(() => undefined);
  await endSession();
  return { status: 'success', message: 'Your account has been deleted.' };
}
