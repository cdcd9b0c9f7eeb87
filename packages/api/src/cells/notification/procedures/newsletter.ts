import { TRPCError } from '@trpc/server';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { notificationDatabase } from '../database';
import type {
  ConfirmSubscriptionInput,
  SetMyNewsletterInput,
  SubscribeInput,
  UnsubscribeInput,
  UnsubscribeLinkInput,
} from '../inputs';
import {
  confirmSubscription as confirm,
  consentOf,
  requestSubscription,
  subscriberIdOfUnsubscribeToken,
  unsubscribe as unsubscribeSubscriber,
} from '../subscribers';
import type { MyNewsletterView, UnsubscribeLinkView } from '../views';

/**
 * Newsletter sign-up from the footer or checkout. The answer is the same whatever the address's
 * state (new, pending, already subscribed), so the form cannot be used to learn who subscribes;
 * the confirmation email does the rest.
 */
export async function subscribe({ ctx, input }: HandlerArgs<SubscribeInput>) {
  await requestSubscription({
    email: input.email,
    source: input.source,
    wording: input.wording,
    ...(ctx.identity && !ctx.identity.service && { accountId: ctx.identity.accountId }),
  });
  ctx.logger.info({ source: input.source }, 'newsletter sign-up asked');
  return { ok: true as const };
}

/** The confirmation link's button (the page itself changes nothing: mail scanners open links). */
export async function confirmSubscription({ ctx, input }: HandlerArgs<ConfirmSubscriptionInput>) {
  const outcome = await confirm(input.token);
  ctx.logger.info({ outcome }, 'newsletter confirmation');
  if (outcome === 'invalid') {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'This confirmation link is not valid. Sign up again to get a new one.',
    });
  }
  return { outcome };
}

/** What the unsubscribe page shows before the button: whether the link works and the state. */
export async function unsubscribeLink({
  input,
}: HandlerArgs<UnsubscribeLinkInput>): Promise<UnsubscribeLinkView> {
  const subscriberId = subscriberIdOfUnsubscribeToken(input.token);
  if (!subscriberId) return { valid: false, subscribed: false };
  const { Subscriber } = await notificationDatabase.models();
  const found = await Subscriber.findById(subscriberId).select({ status: 1 }).lean();
  return found
    ? { valid: true, subscribed: found.status !== 'unsubscribed' }
    : { valid: false, subscribed: false };
}

/**
 * Unsubscribes the link's subscriber at once, without sign-in: the page's button and the mail
 * client's RFC 8058 one-click POST (through the storefront's `/unsubscribe/one-click`). Doing it
 * twice is harmless. 404 for a token that does not verify.
 */
export async function unsubscribe({ ctx, input }: HandlerArgs<UnsubscribeInput>) {
  const subscriberId = subscriberIdOfUnsubscribeToken(input.token);
  const done = subscriberId && (await unsubscribeSubscriber({ subscriberId }, input.via));
  if (!done) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This unsubscribe link is not valid.' });
  }
  ctx.logger.info({ via: input.via }, 'unsubscribed from marketing mail');
  return { unsubscribed: true as const };
}

/** The signed-in shopper's newsletter state, for the account preferences page. */
export async function myNewsletter({
  ctx,
}: HandlerArgs<undefined, SignedInContext>): Promise<MyNewsletterView> {
  return { status: await consentOf(ctx.identity.email) };
}

/**
 * The account page's switch: on asks for a confirmation (double opt-in, like the footer), off
 * unsubscribes at once.
 */
export async function setMyNewsletter({
  ctx,
  input,
}: HandlerArgs<SetMyNewsletterInput, SignedInContext>): Promise<MyNewsletterView> {
  const { email, accountId } = ctx.identity;
  if (input.subscribed) {
    await requestSubscription({ email, accountId, source: 'account', wording: input.wording });
  } else {
    await unsubscribeSubscriber({ email }, 'account');
  }
  return { status: await consentOf(email) };
}
