import type { MessageKind } from '@shop/db/notification';
import { notificationDatabase } from './database';

export interface Recipient {
  email: string;
  accountId?: string;
}

/**
 * Whether this recipient may get this kind of mail: every send goes through here (`send-email.ts`
 * asks before rendering). Transactional mail (receipts, password resets, order updates, a
 * back-in-stock alert the shopper asked for) always goes. Marketing mail needs the address's
 * confirmed consent in the subscriber store (double opt-in: `pending` is not enough) and an
 * address that is not suppressed (hard bounce, complaint). An account holder's old
 * `preferences.marketingConsent` in the user cell is not read: it was never confirmed from the
 * mailbox (docs/notifications.md, "Consent").
 */
export async function mayReceive(kind: MessageKind, recipient: Recipient): Promise<boolean> {
  if (kind === 'transactional') return true;
  const email = recipient.email.trim().toLowerCase();
  const { Subscriber, Suppression } = await notificationDatabase.models();
  const [subscribed, suppressed] = await Promise.all([
    Subscriber.exists({ email, status: 'subscribed' }),
    Suppression.exists({ email }),
  ]);
  return Boolean(subscribed) && !suppressed;
}
