import type { Types } from 'mongoose';
import { isRole, type Role } from '../../identity/permissions';

/** What the auth cell's procedures answer. */

/** The account as callers see it (no hash, no internal fields). */
export interface AccountView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  emailVerified: boolean;
}

/** The fields of a stored account the view is built from. */
export interface StoredAccountFields {
  _id: Types.ObjectId;
  email: string;
  name: string;
  roles: string[];
  emailVerifiedAt?: Date | null;
}

export function accountView(account: StoredAccountFields): AccountView {
  return {
    id: account._id.toString(),
    email: account.email,
    name: account.name,
    // Roles this build does not know grant nothing.
    roles: account.roles.filter(isRole),
    emailVerified: Boolean(account.emailVerifiedAt),
  };
}

/** What register, login and refresh answer: a session's two tokens and who it is for. */
export interface TokenSet {
  accessToken: string;
  /** ISO 8601. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  /** ISO 8601. */
  refreshTokenExpiresAt: string;
  account: AccountView;
  /**
   * register and login: marks this device as one that signed in to the account. The apps keep it
   * (an http-only cookie that outlives the session) and send it with the next `auth.login`, which
   * then passes the account-wide throttle. Not on refresh.
   */
  deviceToken?: string;
}

/** The answer of a change that has nothing else to tell. */
export interface Done {
  ok: true;
}

/** `auth.listStaff`. */
export interface StaffPage {
  items: AccountView[];
  total: number;
}

/** `auth.rotateSigningKey`: the new key and when it starts signing. */
export interface RotatedSigningKey {
  kid: string;
  /** ISO 8601. */
  activatesAt: string;
}

/** `auth.serviceToken`. */
export interface ServiceToken {
  accessToken: string;
  /** ISO 8601. */
  expiresAt: string;
}
