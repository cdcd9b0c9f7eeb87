import type { Types } from 'mongoose';
import type { Identity } from '../../identity/identity';
import { accountObjectId, ensureProfile } from './profiles';
import type { StoredProfile } from './views';

/**
 * The caller's own profile, created on first use (a sign-up whose registration event has not been
 * processed yet still gets a profile). The id always comes from the verified token, never from
 * input: a shopper can only ever reach their own data.
 */
export function ownProfile(identity: Identity): Promise<StoredProfile> {
  return ensureProfile({
    accountId: accountObjectId(identity.accountId),
    // Tokens carry no name; the email's local part stands in until the user sets one.
    name: identity.email.split('@')[0] ?? '',
    email: identity.email,
  });
}

/** The caller's own account id, once their profile exists. */
export async function ownAccount(identity: Identity): Promise<Types.ObjectId> {
  return (await ownProfile(identity)).accountId;
}
