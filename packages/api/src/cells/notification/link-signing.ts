import { createHmac, randomBytes } from 'node:crypto';
import { hostConfig } from '../../config/host';
import { isSameSecret } from '../../secrets';

/**
 * What a signed link may do. The purpose is inside the MAC, so an unsubscribe token cannot be
 * used to confirm a subscription or restore a cart, and the other way round.
 */
export type LinkPurpose = 'unsubscribe' | 'confirm-subscription' | 'restore-cart';

/** Outside production without MAIL_LINK_SECRET: one random secret per process (tests, a bare host). */
let processSecret: string | undefined;

function linkSecret(): string {
  const configured = hostConfig().MAIL_LINK_SECRET;
  if (configured) return configured;
  // Production never gets here: the host refuses to start without it (config/host.ts).
  processSecret ??= randomBytes(32).toString('base64url');
  return processSecret;
}

function mac(purpose: LinkPurpose, payload: string): string {
  // 128 bits of HMAC-SHA256 is far beyond guessing and keeps links short.
  return createHmac('sha256', linkSecret())
    .update(`${purpose}\n${payload}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * A token `<payload>.<mac>` for a link in an email. The payload is an opaque id (never an
 * address), so a forwarded or logged link reveals nobody's email.
 */
export function signLinkToken(purpose: LinkPurpose, payload: string): string {
  return `${payload}.${mac(purpose, payload)}`;
}

/** The payload of a token signed for this purpose, or null (wrong purpose, edited, malformed). */
export function verifyLinkToken(purpose: LinkPurpose, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const payload = token.slice(0, dot);
  return isSameSecret(token.slice(dot + 1), mac(purpose, payload)) ? payload : null;
}

/** Shape of any link token, checked at the boundary before the MAC: ids, dots, base64url. */
export const linkTokenPattern = /^[A-Za-z0-9_.-]{20,600}$/;
