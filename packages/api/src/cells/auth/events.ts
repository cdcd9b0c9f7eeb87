import { eventType } from 'inngest';
import { z } from 'zod';

/** Events the auth cell sends. */
export const userRegistered = eventType('auth/user.registered', {
  schema: z.object({
    accountId: z.string().min(1),
    email: z.email(),
    name: z.string(),
  }),
});

/** A single-use link to mail: the notification cell renders `token` into a URL. */
const emailedTokenSchema = z.object({
  accountId: z.string().min(1),
  email: z.email(),
  name: z.string(),
  token: z.string().min(1),
  /** ISO 8601: when the link stops working. */
  expiresAt: z.iso.datetime(),
});

/** Mail `${STOREFRONT_PUBLIC_URL}/verify-email?token=...`; valid for a day. */
export const emailVerificationRequested = eventType('auth/email-verification.requested', {
  schema: emailedTokenSchema,
});

/** Mail `${STOREFRONT_PUBLIC_URL}/reset-password?token=...`; valid for an hour. */
export const passwordResetRequested = eventType('auth/password-reset.requested', {
  schema: emailedTokenSchema,
});

/**
 * The owner deleted the account: every cell holding their personal data anonymises or deletes
 * it. `email` is the address the account had (the auth cell has already forgotten it).
 */
export const accountDeleted = eventType('auth/account.deleted', {
  schema: z.object({
    accountId: z.string().min(1),
    email: z.email(),
  }),
});

/**
 * Sign-in attempts at this account are being refused (too many wrong passwords, from one address
 * or across many). Sent once per throttle window; the notification cell tells the owner.
 */
export const signInThrottled = eventType('auth/sign-in.throttled', {
  schema: z.object({
    accountId: z.string().min(1),
    email: z.email(),
    name: z.string(),
    /** Failed attempts in the window so far. */
    failedAttempts: z.number().int().positive(),
    /** ISO 8601: when the window of attempts opened. */
    since: z.iso.datetime(),
  }),
});
