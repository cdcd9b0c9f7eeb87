import bcrypt from 'bcrypt';
import { type Types } from 'mongoose';
import { type AuthModels } from '../auth';
import { type UserModels } from '../user';
import { demoAccounts, demoBcryptCost, demoEmailVerifiedAt } from './demo-accounts';
import { upsertBy } from './upsert-by';

/**
 * Demo accounts (matched by email) and their profiles (matched by account id). A stored hash that
 * still matches the demo password is kept: bcrypt salts every hash, so re-hashing would change the
 * data on every run.
 */
export async function seedAccounts(
  { Account }: AuthModels,
  { Profile }: UserModels,
): Promise<Map<string, Types.ObjectId>> {
  const accountIds = new Map<string, Types.ObjectId>();
  for (const demo of demoAccounts) {
    const existing = await Account.findOne({ email: demo.email }, { passwordHash: 1 }).lean();
    const passwordHash =
      existing?.passwordHash && (await bcrypt.compare(demo.password, existing.passwordHash))
        ? existing.passwordHash
        : await bcrypt.hash(demo.password, demoBcryptCost);
    await upsertBy(
      Account,
      { email: demo.email },
      {
        email: demo.email,
        name: demo.name,
        roles: [demo.role],
        passwordHash,
        // Demo mailboxes do not exist: the accounts start verified (and stay so on re-runs).
        emailVerifiedAt: demoEmailVerifiedAt,
        deletedAt: null,
      },
    );
    const account = await Account.findOne({ email: demo.email }, { _id: 1 }).orFail().lean();
    accountIds.set(demo.email, account._id);

    await upsertBy(
      Profile,
      { accountId: account._id },
      {
        accountId: account._id,
        name: demo.name,
        preferences: { marketingConsent: false, language: 'en', currency: 'EUR' },
      },
    );
  }
  return accountIds;
}
