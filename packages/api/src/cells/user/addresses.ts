import { addressFingerprint, maxAddressesPerAccount } from '@shop/db/user';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { userDatabase } from './database';
import { addAddressInput, type AddAddressInput, type UpdateAddressInput } from './inputs';
import { isDuplicateKeyError } from '@shop/db/claims';
import {
  toAddressView,
  type AddressDefaults as Defaults,
  type AddressKind,
  type AddressView,
  type StoredAddress,
} from './views';

const defaultField = {
  shipping: 'defaultShippingAddressId',
  billing: 'defaultBillingAddressId',
} as const satisfies Record<AddressKind, keyof Defaults>;

const defaultFields = { defaultShippingAddressId: 1, defaultBillingAddressId: 1 } as const;

// Same address, not found: one answer whether it is someone else's or never existed.
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such address' });

/** Every address of the account, oldest first, with the default flags from the profile. */
export async function accountAddresses(accountId: Types.ObjectId): Promise<AddressView[]> {
  const { Address, Profile } = await userDatabase.models();
  const [addresses, defaults] = await Promise.all([
    Address.find({ accountId }).sort({ createdAt: 1, _id: 1 }).lean<StoredAddress[]>(),
    Profile.findOne({ accountId }, defaultFields).lean<Defaults>(),
  ]);
  return addresses.map((address) => toAddressView(address, defaults));
}

async function viewOf(accountId: Types.ObjectId, id: Types.ObjectId): Promise<AddressView> {
  const { Address, Profile } = await userDatabase.models();
  const [address, defaults] = await Promise.all([
    Address.findOne({ _id: id, accountId }).lean<StoredAddress>(),
    Profile.findOne({ accountId }, defaultFields).lean<Defaults>(),
  ]);
  if (!address) throw notFound();
  return toAddressView(address, defaults);
}

/** The account's first address becomes its default for both kinds, unless one is set already. */
async function defaultWhereUnset(accountId: Types.ObjectId, id: Types.ObjectId): Promise<void> {
  const { Profile } = await userDatabase.models();
  for (const field of Object.values(defaultField)) {
    await Profile.updateOne({ accountId, [field]: null }, { $set: { [field]: id } });
  }
}

/**
 * Adds an address. Adding one the account already has (the same fields, ignoring case and
 * spacing) returns that one: a retried request does not create a twin. The cap is checked
 * before inserting, so concurrent adds can overshoot it by the number racing; it is a limit on
 * clutter, not a security boundary.
 */
export async function addAccountAddress(
  accountId: Types.ObjectId,
  fields: AddAddressInput,
): Promise<AddressView> {
  const { Address } = await userDatabase.models();
  const fingerprint = addressFingerprint(fields);
  const existing = await Address.findOne({ accountId, fingerprint }, { _id: 1 }).lean();
  if (existing) return viewOf(accountId, existing._id);

  const count = await Address.countDocuments({ accountId });
  if (count >= maxAddressesPerAccount) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `You can keep at most ${maxAddressesPerAccount} addresses; remove one first`,
    });
  }
  let id: Types.ObjectId;
  try {
    id = (await Address.create({ ...fields, accountId, fingerprint }))._id;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const twin = await Address.findOne({ accountId, fingerprint }, { _id: 1 }).orFail().lean();
    id = twin._id;
  }
  await defaultWhereUnset(accountId, id);
  return viewOf(accountId, id);
}

/**
 * Changes some fields of one of the account's addresses. The merged address is validated as a
 * whole, so a new country is checked against the postcode it will have.
 */
export async function updateAccountAddress(
  accountId: Types.ObjectId,
  { id: rawId, ...changes }: UpdateAddressInput,
): Promise<AddressView> {
  const { Address } = await userDatabase.models();
  const id = objectId(rawId);
  const stored = await Address.findOne({ _id: id, accountId }).lean<StoredAddress>();
  if (!stored) throw notFound();

  const merged = addAddressInput.safeParse(
    mergeFields(stored, changes) satisfies z.input<typeof addAddressInput>,
  );
  if (!merged.success) {
    // The cause carries the issues, so the error names the field like any input error.
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input', cause: merged.error });
  }
  const fingerprint = addressFingerprint(merged.data);
  const twin = await Address.findOne(
    { accountId, fingerprint, _id: { $ne: id } },
    { _id: 1 },
  ).lean();
  if (twin) throw new TRPCError({ code: 'CONFLICT', message: 'You already have this address' });
  try {
    await Address.updateOne(
      { _id: id, accountId },
      { $set: { ...merged.data, fingerprint } },
      { runValidators: true },
    );
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new TRPCError({ code: 'CONFLICT', message: 'You already have this address' });
    }
    throw error;
  }
  return viewOf(accountId, id);
}

function mergeFields(stored: StoredAddress, changes: Omit<UpdateAddressInput, 'id'>) {
  const pick = <K extends keyof typeof changes>(key: K, fallback: string) =>
    changes[key] ?? fallback;
  return {
    name: pick('name', stored.name),
    line1: pick('line1', stored.line1),
    line2: pick('line2', stored.line2 ?? ''),
    city: pick('city', stored.city),
    region: pick('region', stored.region ?? ''),
    postcode: pick('postcode', stored.postcode),
    country: pick('country', stored.country),
    phone: pick('phone', stored.phone ?? ''),
  };
}

/**
 * Removes one of the account's addresses. When it was a default, the newest remaining address
 * takes its place, so an account with addresses keeps a default for checkout.
 */
export async function removeAccountAddress(
  accountId: Types.ObjectId,
  rawId: string,
): Promise<AddressView[]> {
  const { Address, Profile } = await userDatabase.models();
  const id = objectId(rawId);
  const { deletedCount } = await Address.deleteOne({ _id: id, accountId });
  if (deletedCount === 0) throw notFound();
  const successor = await Address.findOne({ accountId }, { _id: 1 })
    .sort({ createdAt: -1, _id: -1 })
    .lean();
  for (const field of Object.values(defaultField)) {
    await Profile.updateOne(
      { accountId, [field]: id },
      { $set: { [field]: successor?._id ?? null } },
    );
  }
  return accountAddresses(accountId);
}

/** Makes one of the account's addresses its default for shipping or billing. */
export async function setAccountDefaultAddress(
  accountId: Types.ObjectId,
  rawId: string,
  kind: AddressKind,
): Promise<AddressView[]> {
  const { Address, Profile } = await userDatabase.models();
  const id = objectId(rawId);
  const exists = await Address.exists({ _id: id, accountId });
  if (!exists) throw notFound();
  await Profile.updateOne({ accountId }, { $set: { [defaultField[kind]]: id } });
  return accountAddresses(accountId);
}

/** Ids reach here validated as 24 hex digits by the input schema. */
function objectId(hex: string): Types.ObjectId {
  return new Types.ObjectId(hex);
}
