import type { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { fieldError } from '../../trpc/field-error';
import { isCommonPassword } from './common-passwords';

export const minPasswordLength = 10;
export const maxPasswordLength = 128;
/**
 * bcrypt reads only the first 72 bytes of its input: anything longer would be accepted with its
 * tail ignored. Refusing such passwords (instead of pre-hashing) keeps stored hashes plain bcrypt,
 * checkable by any tool, and 72 bytes is already far beyond what guessing can reach.
 */
export const maxPasswordBytes = 72;

/** Email, for every input that names one: trimmed, lowercased, at most 254 characters. */
export const emailInput = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** A password as typed at sign-in: only bounded, so hashing cannot be driven by huge inputs. */
export const presentedPassword = z.string().min(1).max(200);

/** A password someone is choosing: the policy a user is told about. */
export const newPassword = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters`)
  .refine((value) => Buffer.byteLength(value, 'utf8') <= maxPasswordBytes, {
    message: `Use at most ${maxPasswordBytes} bytes (accented letters and emoji count as 2 to 4)`,
  })
  .refine((value) => !isCommonPassword(value), {
    message: 'This password is one of the most common ones; choose another',
  });

/** The password-equals-email rule, as an issue on `passwordField`. */
export function refuseEmailAsPassword(passwordField: string) {
  return (value: { email: string } & Record<string, unknown>, ctx: z.RefinementCtx) => {
    const password = value[passwordField];
    if (typeof password === 'string' && password.trim().toLowerCase() === value.email) {
      ctx.addIssue({
        code: 'custom',
        path: [passwordField],
        message: 'The password must not be your email address',
      });
    }
  };
}

/** The same check outside a schema (when the email comes from the account, not the input). */
export function passwordEqualsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.toLowerCase();
}

/** A 400 shaped like a schema failure, so the form shows it next to the password field. */
export function passwordIssue(message: string, field = 'password'): TRPCError {
  return fieldError([field], message);
}
