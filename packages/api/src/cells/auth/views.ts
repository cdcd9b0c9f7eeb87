import type { Types } from 'mongoose';
import { isRole, type Role } from '../../identity/permissions';

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
