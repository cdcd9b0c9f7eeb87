import { createHmac, randomBytes } from 'node:crypto';
import { hostConfig } from '../../config/host';
import { isObjectIdText } from '../../ids/object-id-text';
import { isSameSecret } from '../../secrets';

/** How long a review request link works (issue 13: 45 days). */
export const reviewLinkLifetimeMs = 45 * 24 * 60 * 60 * 1000;

/** What a review request link allows: this account reviews this product, bought in this order. */
export interface ReviewLink {
  orderId: string;
  accountId: string;
  productSlug: string;
  expiresAt: Date;
}

/**
 * The MAC's purpose label. Notification links use the same key (MAIL_LINK_SECRET) with labels of
 * their own, so no unsubscribe or cart link can pass as a review link, nor the other way round.
 */
const purpose = 'review-request';
const version = 'r1';
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Outside production without MAIL_LINK_SECRET: one random key per process (tests, a bare host). */
let processSecret: string | undefined;

function linkSecret(): string {
  const configured = hostConfig().MAIL_LINK_SECRET;
  if (configured) return configured;
  // Production never gets here: the host refuses to start without it for the review cell.
  processSecret ??= randomBytes(32).toString('base64url');
  return processSecret;
}

function mac(payload: string): string {
  // 128 bits of HMAC-SHA256: far beyond guessing, and the link stays short.
  return createHmac('sha256', linkSecret())
    .update(`${purpose}\n${payload}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * `r1.<orderId>.<accountId>.<productSlug>.<expiry seconds, base 36>.<mac>`: ids only, never an
 * address or a name, so a forwarded or logged link reveals nobody's email.
 */
export function signReviewLink(link: ReviewLink): string {
  const expiry = Math.floor(link.expiresAt.getTime() / 1000).toString(36);
  const payload = [version, link.orderId, link.accountId, link.productSlug, expiry].join('.');
  return `${payload}.${mac(payload)}`;
}

export type ReadLink =
  { valid: true; link: ReviewLink; expired: boolean } | { valid: false; expired: false };

/** The link a token stands for, if its MAC is ours; `expired` says whether its time is up. */
export function readReviewLink(token: string, now = new Date()): ReadLink {
  const parts = token.split('.');
  const invalid = { valid: false, expired: false } as const;
  if (parts.length !== 6) return invalid;
  const [tag, orderId, accountId, productSlug, expiry, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (tag !== version || !isObjectIdText(orderId) || !isObjectIdText(accountId)) return invalid;
  if (!slugPattern.test(productSlug) || !/^[0-9a-z]{1,10}$/.test(expiry)) return invalid;
  const payload = parts.slice(0, 5).join('.');
  if (!isSameSecret(signature, mac(payload))) return invalid;
  const expiresAt = new Date(parseInt(expiry, 36) * 1000);
  return {
    valid: true,
    link: { orderId, accountId, productSlug, expiresAt },
    expired: expiresAt.getTime() <= now.getTime(),
  };
}

/** Shape of a link token at the boundary, before the MAC is checked. */
export const reviewLinkTokenPattern = /^r1\.[0-9a-z.-]{50,300}\.[A-Za-z0-9_-]{22}$/;
