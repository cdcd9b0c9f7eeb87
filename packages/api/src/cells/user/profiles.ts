import { isDuplicateKeyError } from '@shop/db/claims';
import { defaultPreferences } from '@shop/db/user';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { userDatabase } from './database';
import type { UpdatePreferencesInput, UpdateProfileInput } from './inputs';
import type { StoredProfile } from './views';
import { isObjectIdText } from '../../ids/object-id-text';

/**
 * The account id of a token's subject as a database id. Tokens come only from the auth cell,
 * whose ids are ObjectIds; anything else has no data here.
 */
export function accountObjectId(accountId: string): Types.ObjectId {
  if (!isObjectIdText(accountId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No profile for this account' });
  }
  return new Types.ObjectId(accountId);
}

export interface NewProfile {
  accountId: Types.ObjectId;
  name: string;
  email: string;
}

/**
 * The account's profile, created with default preferences if it has none yet. Used by the
 * registration event and on first read, so either may come first and neither overwrites the
 * other (insert-only fields).
 */
export async function ensureProfile({
  accountId,
  name,
  email,
}: NewProfile): Promise<StoredProfile> {
  const { Profile, ErasedAccount } = await userDatabase.models();
  const erased = () => ErasedAccount.exists({ accountId });
  if (await erased()) throw accountErased();
  const upsert = () =>
    Profile.findOneAndUpdate(
      { accountId },
      {
        $setOnInsert: {
          accountId,
          name: name.trim().slice(0, 100) || 'Shopper',
          email: email.toLowerCase(),
          preferences: { ...defaultPreferences },
          defaultShippingAddressId: null,
          defaultBillingAddressId: null,
        },
      },
      { upsert: true, returnDocument: 'after', runValidators: true },
    )
      .orFail()
      .lean<StoredProfile>();
  let profile: StoredProfile;
  try {
    profile = await upsert();
  } catch (error) {
    // On a real MongoDB two first reads can race; the loser finds the winner's document.
    if (!isDuplicateKeyError(error)) throw error;
    profile = await upsert();
  }
  // Erasure may have run between the check and the insert: undo what this call created.
  if (await erased()) {
    await Profile.deleteOne({ accountId });
    throw accountErased();
  }
  return profile;
}

const accountErased = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'This account has been deleted' });

/** What a profile update writes: `null`/'' remove the optional fields. */
export function profileChanges(input: UpdateProfileInput) {
  const $set: Record<string, string> = {};
  const $unset: Record<string, 1> = {};
  if (input.name !== undefined) $set.name = input.name;
  for (const field of ['phone', 'avatarUrl'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value === '') $unset[field] = 1;
    else $set[field] = value;
  }
  return { $set, $unset };
}

/** Applies a profile update; NOT_FOUND when the account has no profile. */
export async function updateAccountProfile(
  accountId: Types.ObjectId,
  input: UpdateProfileInput,
): Promise<StoredProfile> {
  const { Profile } = await userDatabase.models();
  const updated = await Profile.findOneAndUpdate({ accountId }, profileChanges(input), {
    returnDocument: 'after',
    runValidators: true,
  }).lean<StoredProfile>();
  if (!updated) throw new TRPCError({ code: 'NOT_FOUND', message: 'No profile for this account' });
  return updated;
}

export async function updateAccountPreferences(
  accountId: Types.ObjectId,
  input: UpdatePreferencesInput,
): Promise<StoredProfile> {
  const { Profile } = await userDatabase.models();
  const $set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) $set[`preferences.${key}`] = value;
  }
  const updated = await Profile.findOneAndUpdate(
    { accountId },
    { $set },
    {
      returnDocument: 'after',
      runValidators: true,
    },
  ).lean<StoredProfile>();
  if (!updated) throw new TRPCError({ code: 'NOT_FOUND', message: 'No profile for this account' });
  return updated;
}
