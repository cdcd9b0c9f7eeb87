/**
 * The guest cart's cookie (contract: `shop_cart`, an httpOnly 43-character base64url random
 * token). The order cell keeps only its SHA-256; the gateway and the server-side cell clients
 * copy it into `x-cart-token`. No `server-only` import: the proxy uses this too.
 */
export const cartCookieName = 'shop_cart';

/** A guest cart outlives a browsing session; the order cell expires idle guest carts itself. */
export const cartCookieMaxAgeSeconds = 30 * 24 * 60 * 60;

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export function isCartToken(value: string | undefined): value is string {
  return value !== undefined && tokenShape.test(value);
}

/** 32 random bytes as unpadded base64url (43 characters), with Web Crypto only (any runtime). */
export function newCartToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
