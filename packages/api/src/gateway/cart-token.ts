/**
 * The one place where the gateway attaches a guest's cart to a cell call: the app keeps the cart's
 * random token in its httpOnly `shop_cart` cookie, and the order cell reads it from the
 * `x-cart-token` header. Only the cookie counts: a browser's own `x-cart-token` header is never
 * forwarded (it is not on the allow-list in forwarded-headers.ts), and only calls to the order
 * cell carry it, so no other cell ever sees the token.
 */
export const cartCookieName = 'shop_cart';
export const cartTokenHeader = 'x-cart-token';

/** 32 random bytes in base64url. Anything else in the cookie is not ours and is not forwarded. */
const cartTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The cart token in a `cookie` header, or null. */
export function cartTokenFromCookies(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0 || part.slice(0, separator).trim() !== cartCookieName) continue;
    const value = part.slice(separator + 1).trim();
    return cartTokenPattern.test(value) ? value : null;
  }
  return null;
}

export function attachCartToken(request: Request, domain: string, toCell: Headers): void {
  if (domain !== 'order') return;
  const token = cartTokenFromCookies(request.headers.get('cookie'));
  if (token) toCell.set(cartTokenHeader, token);
}
