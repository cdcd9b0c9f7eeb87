import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const signingKeyPrefix = /^signkey-[\w]+-/;

/**
 * The `X-Inngest-Signature` the Inngest server puts on requests to apps: `t=<unix seconds>&s=<hex
 * HMAC-SHA256 of body + t>`, keyed with the signing key minus its `signkey-<env>-` prefix.
 */
export function signRequestBody(body: string, signingKey: string, nowMs = Date.now()): string {
  const timestamp = Math.round(nowMs / 1000).toString();
  const mac = createHmac('sha256', signingKey.replace(signingKeyPrefix, ''))
    .update(body + timestamp)
    .digest('hex');
  return `t=${timestamp}&s=${mac}`;
}

/**
 * What an SDK sends as `Authorization: Bearer …` when it talks to the server: the prefix kept and
 * the hex key replaced by the hex SHA-256 of its bytes.
 */
export function hashSigningKey(signingKey: string): string {
  const prefix = signingKey.match(signingKeyPrefix)?.[0] ?? '';
  const key = signingKey.replace(signingKeyPrefix, '');
  return `${prefix}${createHash('sha256').update(Buffer.from(key, 'hex')).digest('hex')}`;
}

/** Accepts `Bearer <hashed key>` (what SDKs send) or `Bearer <raw key>` (what humans paste). */
export function isAuthorizedBearer(header: string | undefined, signingKey: string): boolean {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token) return false;
  return [hashSigningKey(signingKey), signingKey].some((expected) => sameText(token, expected));
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
