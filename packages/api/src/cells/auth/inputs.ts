import { z } from 'zod';
import { domains } from '../../domains';
import { roles, type Role } from '../../identity/permissions';
import { paginationInput } from '../../trpc/pagination';
import {
  emailInput,
  newPassword,
  presentedPassword,
  refuseEmailAsPassword,
} from './password-policy';
import { isObjectIdText } from '../../ids/object-id-text';

/** Input schemas of the auth cell's procedures, one per procedure that takes input. */

/** Opaque tokens as accepted on input: base64url-shaped and bounded (no operator objects). */
const secretTokenPattern = /^[A-Za-z0-9_-]{16,128}$/;

const refreshToken = z.object({
  refreshToken: z.string().regex(secretTokenPattern, 'Not a refresh token'),
});

const linkToken = z.string().regex(secretTokenPattern, 'This link is not valid');

const accountIdInput = z.string().refine(isObjectIdText, {
  message: 'Not an account id',
});

// Sessions

export const registerInput = z
  .object({
    email: emailInput,
    password: newPassword,
    name: z.string().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters'),
  })
  .superRefine(refuseEmailAsPassword('password'));
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.object({
  email: emailInput,
  password: presentedPassword,
  /** The device token a previous sign-in on this device returned (the apps keep it). */
  deviceToken: z.string().regex(secretTokenPattern, 'Not a device token').optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const refreshInput = refreshToken;
export type RefreshInput = z.infer<typeof refreshInput>;

export const logoutInput = refreshToken;
export type LogoutInput = z.infer<typeof logoutInput>;

// Recovery by email

export const requestPasswordResetInput = z.object({ email: emailInput });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const resetPasswordInput = z.object({ token: linkToken, password: newPassword });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const verifyEmailInput = z.object({ token: linkToken });
export type VerifyEmailInput = z.infer<typeof verifyEmailInput>;

// The caller's account

export const changePasswordInput = z.object({ currentPassword: presentedPassword, newPassword });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const deleteAccountInput = z.object({ password: presentedPassword });
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;

// Staff

export const listStaffInput = z.object(paginationInput).optional();
export type ListStaffInput = z.infer<typeof listStaffInput>;

export const setRolesInput = z.object({
  accountId: accountIdInput,
  roles: z
    .array(z.enum(roles))
    .min(1, 'Give at least one role')
    .max(roles.length)
    .transform((given): Role[] => [...new Set(given)]),
});
export type SetRolesInput = z.infer<typeof setRolesInput>;

// Services

export const serviceTokenInput = z
  .object({
    service: z.enum(domains),
    secret: z.string().min(1).max(512),
  })
  .strict();
export type ServiceTokenInput = z.infer<typeof serviceTokenInput>;
