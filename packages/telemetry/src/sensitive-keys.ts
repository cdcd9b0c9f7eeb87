/**
 * Field names whose values never reach a log line: credentials, card data and personal data
 * (emails, postal addresses, phone numbers). Matched as the last key of a path, at any depth up to
 * three levels inside `metadata` (pino redact's paths are fixed, not recursive).
 */
export const sensitiveKeys = [
  // credentials
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'resetToken',
  'cartToken',
  'guestToken',
  'secret',
  'clientSecret',
  'apiKey',
  'authorization',
  'cookie',
  'set-cookie',
  'x-cart-token',
  'x-shop-cell-token',
  'signature',
  'stripe-signature',
  // card data
  'card',
  'cardNumber',
  'number',
  'cvc',
  'cvv',
  'expiry',
  // personal data
  'email',
  'to',
  'recipient',
  'address',
  'shippingAddress',
  'billingAddress',
  'line1',
  'line2',
  'postcode',
  'phone',
] as const;

const prefixes = ['', '*.', '*.*.'];

/** pino `redact.paths` for every sensitive key at each supported depth under `metadata`. */
export function redactPaths(): string[] {
  return sensitiveKeys.flatMap((key) => {
    const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    return prefixes.map((prefix) =>
      segment.startsWith('[')
        ? `metadata.${prefix}${segment}`.replace('.[', '[')
        : `metadata.${prefix}${segment}`,
    );
  });
}
