import { signLinkToken, verifyLinkToken } from './link-signing';

export interface RestorableLine {
  sku: string;
  quantity: number;
}

/**
 * The abandoned-cart email's restore link: the cart's SKUs and quantities, signed for
 * `restore-cart` only. It carries no cart token (a guest's cart secret never goes into an email)
 * and no address; following it adds these items to whatever cart the browser has.
 */
export function cartRestoreToken(lines: readonly RestorableLine[]): string {
  const payload = Buffer.from(
    lines.map((line) => `${line.sku}*${line.quantity}`).join(','),
  ).toString('base64url');
  return signLinkToken('restore-cart', payload);
}

/** The lines a restore token names, or null when it does not verify. */
export function linesOfRestoreToken(token: string): RestorableLine[] | null {
  const payload = verifyLinkToken('restore-cart', token);
  if (!payload) return null;
  const lines: RestorableLine[] = [];
  for (const part of Buffer.from(payload, 'base64url').toString('utf8').split(',')) {
    const match = /^([^*]{1,64})\*(\d{1,2})$/.exec(part);
    if (!match) return null;
    lines.push({ sku: match[1]!, quantity: Number(match[2]) });
  }
  return lines.length > 0 ? lines : null;
}
