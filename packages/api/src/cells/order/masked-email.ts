/**
 * "s•••@example.com": enough for the shopper to recognise the address a link went to, not enough
 * to read an address off a screen. A guest who looked the order up typed it already; the mask is
 * for shoulders and screenshots.
 */
export function maskedEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0] ?? ''}•••${email.slice(at)}`;
}
