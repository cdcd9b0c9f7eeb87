import { type Types } from 'mongoose';
import { addressFingerprint, type AddressFields, type UserModels } from '../user';
import { demoShopperEmail } from './demo-accounts';

/** The demo shopper's phone and addresses, already in the form the user cell stores. */
const shopperPhone = '+31612345678';
const shopperAddresses: readonly AddressFields[] = [
  {
    name: 'Sam Shopper',
    line1: 'Keizersgracht 123',
    line2: '',
    city: 'Amsterdam',
    region: '',
    postcode: '1015 CJ',
    country: 'NL',
    phone: shopperPhone,
  },
  {
    name: 'Sam Shopper',
    line1: 'Shopper & Co.',
    line2: '221B Baker Street',
    city: 'London',
    region: '',
    postcode: 'NW1 6XE',
    country: 'GB',
    phone: '+442079460000',
  },
];

/**
 * Fills in what the user cell holds beyond the profile seedAccounts creates: every profile gets
 * its account's email (staff search customers by it), and the demo shopper gets a phone and two
 * addresses, the Amsterdam one being the default for shipping and billing. Idempotent: addresses
 * are matched by their fingerprint, and the defaults are set only when none is chosen, so a
 * shopper's own later choice survives a re-seed.
 */
export async function seedProfiles(
  { Profile, Address }: UserModels,
  accountIds: ReadonlyMap<string, Types.ObjectId>,
): Promise<void> {
  for (const [email, accountId] of accountIds) {
    await Profile.updateOne({ accountId }, { $set: { email } });
  }
  const shopperId = accountIds.get(demoShopperEmail);
  if (!shopperId) return;

  await Profile.updateOne(
    { accountId: shopperId, phone: { $in: [null, ''] } },
    { $set: { phone: shopperPhone } },
  );
  const addressIds: Types.ObjectId[] = [];
  for (const fields of shopperAddresses) {
    const fingerprint = addressFingerprint(fields);
    await Address.updateOne(
      { accountId: shopperId, fingerprint },
      { $setOnInsert: { ...fields, accountId: shopperId, fingerprint } },
      { upsert: true, runValidators: true },
    );
    const address = await Address.findOne({ accountId: shopperId, fingerprint }, { _id: 1 })
      .orFail()
      .lean();
    addressIds.push(address._id);
  }
  const [defaultId] = addressIds;
  await Profile.updateOne(
    { accountId: shopperId, defaultShippingAddressId: null },
    { $set: { defaultShippingAddressId: defaultId } },
  );
  await Profile.updateOne(
    { accountId: shopperId, defaultBillingAddressId: null },
    { $set: { defaultBillingAddressId: defaultId } },
  );
}
