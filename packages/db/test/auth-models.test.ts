import bcrypt from 'bcrypt';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabaseConnections, connectDomainDatabase } from '../src';
import { authModels } from '../src/auth';
import { demoAccounts, demoPassword } from '../src/seed';
import { seedAccounts } from '../src/seed/seed-accounts';
import { userModels } from '../src/user';
import { isolateTestDatabases, requireRealMongo } from '../src/testing';

isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

const models = async () => authModels(await connectDomainDatabase('auth'));

describe('auth models', () => {
  it('start accounts unverified and not deleted', async () => {
    const { Account } = await models();
    const account = await Account.create({
      email: 'new@example.com',
      passwordHash: 'x',
      name: 'N',
    });
    expect(account.emailVerifiedAt).toBeNull();
    expect(account.deletedAt).toBeNull();
  });

  it('declare the indexes token lookups, counters and expiry rely on', async () => {
    const { RefreshToken, OneTimeToken, LoginFailureCounter } = await models();
    for (const model of [RefreshToken, OneTimeToken, LoginFailureCounter]) await model.init();
    const names = async (model: { collection: { indexes(): Promise<{ name?: string }[]> } }) =>
      (await model.collection.indexes()).map((index) => index.name);
    expect(await names(RefreshToken)).toEqual(
      expect.arrayContaining(['hash_1', 'familyId_1', 'expiresAt_1']),
    );
    expect(await names(OneTimeToken)).toEqual(expect.arrayContaining(['hash_1', 'expiresAt_1']));
    expect(await names(LoginFailureCounter)).toEqual(
      expect.arrayContaining(['key_1', 'expiresAt_1']),
    );
  });

  it('refuse a one-time token for an unknown purpose', async () => {
    const { OneTimeToken } = await models();
    await expect(
      OneTimeToken.create({
        hash: 'h',
        // A caller outside TypeScript's reach (the schema must refuse it at run time too).
        purpose: 'magic-link' as 'password-reset',
        accountId: '6650f0000000000000000000',
        expiresAt: new Date(),
      }),
    ).rejects.toThrow(/purpose/);
  });

  it('refuse a second account with the same email, whatever its case (needs a real MongoDB; the fallback does not enforce unique indexes)', async (context) => {
    requireRealMongo(context, 'uniqueIndexes');
    const { Account } = await models();
    await Account.init();
    await Account.create({ email: 'once@example.com', passwordHash: 'x', name: 'A' });
    await expect(
      Account.create({ email: 'ONCE@example.com', passwordHash: 'y', name: 'B' }),
    ).rejects.toThrow(/E11000/);
  });
});

describe('demo accounts', () => {
  it('are seeded verified, with the demo password, and stay so on a second run', async () => {
    const auth = await models();
    const users = userModels(await connectDomainDatabase('user'));
    await seedAccounts(auth, users);
    const first = await auth.Account.find({}, { email: 1, emailVerifiedAt: 1, passwordHash: 1 })
      .sort({ email: 1 })
      .lean();
    await seedAccounts(auth, users);
    const second = await auth.Account.find({}, { email: 1, emailVerifiedAt: 1, passwordHash: 1 })
      .sort({ email: 1 })
      .lean();
    expect(second).toEqual(first);
    for (const demo of demoAccounts) {
      const account = first.find((row) => row.email === demo.email);
      expect(account?.emailVerifiedAt).toBeInstanceOf(Date);
      expect(await bcrypt.compare(demoPassword, account!.passwordHash!)).toBe(true);
    }
  });
});
