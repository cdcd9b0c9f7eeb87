import type { MessageKind } from '@shop/db/notification';

export interface Recipient {
  email: string;
  accountId?: string;
}

/** Whether an account holder agreed to marketing mail (their preferences in the user cell). */
export type MarketingConsentReader = (
  recipient: Recipient & { accountId: string },
) => Promise<boolean>;

/**
 * The default reader: nobody has consented. The preference lives in the user cell
 * (`preferences.marketingConsent`, read by `user.getCustomer`, behind `customers:read`), which a
 * background function can only call once the service identity carries that permission; until a
 * reader doing so is passed in, no marketing mail goes out. Failing closed is the safe side.
 */
export const noMarketingConsent: MarketingConsentReader = async () => false;

/**
 * Whether this recipient may get this kind of mail: every send goes through here (`send-email.ts`
 * asks before rendering). Transactional mail (receipts, password resets, order updates) always
 * goes. Marketing mail needs an account whose holder consented; a guest address never did.
 */
export async function mayReceive(
  kind: MessageKind,
  recipient: Recipient,
  hasMarketingConsent: MarketingConsentReader = noMarketingConsent,
): Promise<boolean> {
  if (kind === 'transactional') return true;
  if (!recipient.accountId) return false;
  return hasMarketingConsent({ ...recipient, accountId: recipient.accountId });
}
