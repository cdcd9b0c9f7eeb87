import type { MessageKind } from '@shop/db/notification';

export interface Recipient {
  email: string;
  accountId?: string;
}

/**
 * Whether this recipient may get this kind of mail. Transactional mail (receipts, password
 * resets) always goes. Marketing mail needs consent, which the user cell owns (its preferences'
 * marketing consent, read through `user.getCustomer` over the cross-cell client): until that
 * read is wired (issue 5), nobody is assumed to consent, so no marketing mail goes out.
 */
export async function mayReceive(kind: MessageKind, _recipient: Recipient): Promise<boolean> {
  if (kind === 'transactional') return true;
  return false;
}
