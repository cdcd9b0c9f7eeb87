import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabaseConnections, connectDomainDatabase } from '../src';
import { demoShopperEmail } from '../src/seed';
import { seedProfiles } from '../src/seed/seed-profiles';
import { isolateTestDatabases } from '../src/testing';
import { addressFingerprint, userModels, type UserModels } from '../src/user';

isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

let models: UserModels;
const shopperId = new Types.ObjectId();
const staffId = new Types.ObjectId();
const accountIds = new Map([
  [demoShopperEmail, shopperId],
  ['support@example.com', staffId],
]);

beforeAll(async () => {
  models = userModels(await connectDomainDatabase('user'));
  // seedAccounts creates the bare profiles; seedProfiles fills in the rest.
  for (const [email, accountId] of accountIds) {
    await models.Profile.create({ accountId, name: email.split('@')[0] });
  }
});

const addressesOf = (accountId: Types.ObjectId) =>
  models.Address.find({ accountId }).sort({ createdAt: 1, _id: 1 }).lean();

describe('seedProfiles', () => {
  it('gives the demo shopper a phone and two addresses, the first default for both kinds', async () => {
    await seedProfiles(models, accountIds);
    const profile = await models.Profile.findOne({ accountId: shopperId }).orFail().lean();
    const addresses = await addressesOf(shopperId);
    expect(profile.phone).toBe('+31612345678');
    expect(profile.email).toBe(demoShopperEmail);
    expect(addresses.map(({ postcode, country }) => ({ postcode, country }))).toEqual([
      { postcode: '1015 CJ', country: 'NL' },
      { postcode: 'NW1 6XE', country: 'GB' },
    ]);
    expect(profile.defaultShippingAddressId?.equals(addresses[0]?._id)).toBe(true);
    expect(profile.defaultBillingAddressId?.equals(addresses[0]?._id)).toBe(true);
    const staff = await models.Profile.findOne({ accountId: staffId }).orFail().lean();
    expect(staff.email).toBe('support@example.com');
    expect(await models.Address.countDocuments({ accountId: staffId })).toBe(0);
  });

  it('is idempotent and keeps what the shopper changed since', async () => {
    const [, london] = await addressesOf(shopperId);
    await models.Profile.updateOne(
      { accountId: shopperId },
      { $set: { phone: '+31687654321', defaultShippingAddressId: london?._id } },
    );
    await seedProfiles(models, accountIds);
    await seedProfiles(models, accountIds);
    const profile = await models.Profile.findOne({ accountId: shopperId }).orFail().lean();
    expect(await models.Address.countDocuments({ accountId: shopperId })).toBe(2);
    expect(profile.phone).toBe('+31687654321');
    expect(profile.defaultShippingAddressId?.equals(london?._id)).toBe(true);
  });
});

describe('addressFingerprint', () => {
  const address = {
    name: 'Sam Shopper',
    line1: 'Keizersgracht 123',
    line2: '',
    city: 'Amsterdam',
    region: '',
    postcode: '1015 CJ',
    country: 'NL',
    phone: '',
  };

  it('is the same for the same address typed with other case or spacing', () => {
    expect(
      addressFingerprint({ ...address, city: ' AMSTERDAM', line1: 'Keizersgracht  123' }),
    ).toBe(addressFingerprint(address));
  });

  it('differs when any field differs', () => {
    for (const field of Object.keys(address) as (keyof typeof address)[]) {
      expect(addressFingerprint({ ...address, [field]: `${address[field]}x` })).not.toBe(
        addressFingerprint(address),
      );
    }
  });
});
