import { Types } from 'mongoose';
import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { userDatabase } from '../database';
import { isObjectIdText } from '../../../ids/object-id-text';

/** Records the account as erased, then deletes its profile, addresses and staff's notes. */
export const deleteProfileAndAddressesStep = defineSagaStep({
  id: 'delete-profile-and-addresses',
  run: async (accountId: Types.ObjectId) => {
    const { Profile, Address, CustomerNote, ErasedAccount } = await userDatabase.models();
    await ErasedAccount.updateOne(
      { accountId },
      { $setOnInsert: { accountId, erasedAt: new Date() } },
      { upsert: true },
    );
    const addresses = await Address.deleteMany({ accountId });
    const profiles = await Profile.deleteMany({ accountId });
    // Staff's notes are about the person: nothing to keep once the account is gone.
    const notes = await CustomerNote.deleteMany({ accountId });
    return {
      erased: true,
      addressesDeleted: addresses.deletedCount,
      profilesDeleted: profiles.deletedCount,
      notesDeleted: notes.deletedCount,
    };
  },
});

/**
 * Account deletion, user cell: the profile (name, email copy, phone, avatar, preferences), every
 * address and staff's notes about the customer are deleted outright; nothing here is needed once the account is gone. The
 * account id is recorded as erased first, so a read with a still-valid token or a late
 * registration event cannot create the profile again. Deleting what is already deleted changes
 * nothing, so retries are safe.
 */
export const erasePersonalData = inngestFor('user').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) => {
    if (!isObjectIdText(event.data.accountId)) return { erased: false };
    const accountId = new Types.ObjectId(event.data.accountId);
    return step.run(deleteProfileAndAddressesStep.id, () =>
      deleteProfileAndAddressesStep.run(accountId),
    );
  },
);
