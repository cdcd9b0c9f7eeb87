import type { AuthModels } from '@shop/db/auth';
import bcrypt from 'bcrypt';
import { isRole, type Role } from '../../identity/permissions';

export interface VerifiedAccount {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

// Compared against when the email is unknown, so both failures take as long (no account probing).
const unknownAccountHash = bcrypt.hashSync('no account has this password', 10);

/** The account whose email and password match, or null. */
export async function verifyCredentials(
  { Account }: AuthModels,
  email: string,
  password: string,
): Promise<VerifiedAccount | null> {
  const account = await Account.findOne({ email }).lean();
  const matches = await bcrypt.compare(password, account?.passwordHash ?? unknownAccountHash);
  if (!account || !matches) return null;
  return {
    id: account._id.toString(),
    email: account.email,
    name: account.name,
    roles: account.roles.filter(isRole),
  };
}
