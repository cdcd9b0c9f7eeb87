'use server';

import { formStateFromError, type FormState } from '@shop/ui/form';
import { visitorCells } from '@/app/(account)/_actions/public-cells';
import { consentWording } from '@/components/newsletter/consent-wording';

/** Link tokens as the notification cell makes them (`<payload>.<mac>`); anything else is refused here. */
const linkToken = /^[A-Za-z0-9_.-]{20,600}$/;

/**
 * The footer's sign-up. The answer is the same for every address (the cell does not say whether
 * it was already subscribed); the confirmation email does the rest (double opt-in).
 */
export async function subscribeFromFooter(
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const email = String(data.get('email') ?? '').trim();
  try {
    await (
      await visitorCells()
    ).notification.subscribe.mutate({
      email,
      source: 'footer',
      wording: consentWording.footer,
    });
    return {
      status: 'success',
      message: 'Almost done: we have emailed you a link. Follow it to confirm your subscription.',
    };
  } catch (error) {
    return formStateFromError(error, { fields: ['email'] });
  }
}

export type LinkActionState = FormState & { outcome?: string };

/** The confirmation page's button: the link's token is the only credential. */
export async function confirmNewsletter(
  _previous: LinkActionState,
  data: FormData,
): Promise<LinkActionState> {
  const token = String(data.get('token') ?? '');
  if (!linkToken.test(token)) return { status: 'error', message: 'This link is not valid.' };
  try {
    const { outcome } = await (
      await visitorCells()
    ).notification.confirmSubscription.mutate({ token });
    return { status: 'success', outcome };
  } catch (error) {
    return formStateFromError(error, { fields: [] });
  }
}

/** The unsubscribe page's button: at once, no sign-in. */
export async function unsubscribeByLink(
  _previous: LinkActionState,
  data: FormData,
): Promise<LinkActionState> {
  const token = String(data.get('token') ?? '');
  if (!linkToken.test(token)) return { status: 'error', message: 'This link is not valid.' };
  try {
    await (await visitorCells()).notification.unsubscribe.mutate({ token, via: 'email-link' });
    return { status: 'success' };
  } catch (error) {
    return formStateFromError(error, { fields: [] });
  }
}

/** "Email me when available" on a sold-out variant (the product page). */
export async function askBackInStock(_previous: FormState, data: FormData): Promise<FormState> {
  const email = String(data.get('email') ?? '').trim();
  const sku = String(data.get('sku') ?? '');
  try {
    await (await visitorCells()).notification.notifyWhenAvailable.mutate({ email, sku });
    return { status: 'success', message: 'Done: we will email you once when it is back in stock.' };
  } catch (error) {
    return formStateFromError(error, { fields: ['email'] });
  }
}
