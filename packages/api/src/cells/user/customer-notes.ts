import { derivedObjectId } from '@shop/db/claims';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import type { Identity } from '../../identity/identity';
import { userDatabase } from './database';
import type { AddCustomerNoteInput } from './inputs';
import { toCustomerNoteView, type CustomerNoteView, type StoredCustomerNote } from './views';

/** The most notes one customer's page shows (newest first); older ones stay stored. */
export const shownNotesLimit = 100;

async function requireCustomer(accountId: Types.ObjectId): Promise<void> {
  const { Profile } = await userDatabase.models();
  if (!(await Profile.exists({ accountId }))) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such customer' });
  }
}

/** Staff's notes about one customer, newest first. */
export async function notesAbout(accountId: Types.ObjectId): Promise<CustomerNoteView[]> {
  await requireCustomer(accountId);
  const { CustomerNote } = await userDatabase.models();
  const notes = await CustomerNote.find({ accountId })
    .sort({ createdAt: -1, _id: -1 })
    .limit(shownNotesLimit)
    .lean<StoredCustomerNote[]>();
  return notes.map(toCustomerNoteView);
}

/**
 * Adds a note by `author`. The note's `_id` is derived from the customer and the form's request
 * key, and written with `$setOnInsert`: a retried or double-submitted save stores one note and
 * answers with it.
 */
export async function addNoteAbout(
  input: AddCustomerNoteInput,
  author: Identity,
): Promise<CustomerNoteView> {
  const accountId = new Types.ObjectId(input.accountId);
  await requireCustomer(accountId);
  const { CustomerNote, Profile } = await userDatabase.models();
  const authorProfile = Types.ObjectId.isValid(author.accountId)
    ? await Profile.findOne({ accountId: new Types.ObjectId(author.accountId) }, { name: 1 }).lean()
    : null;
  const _id = derivedObjectId('customer-note', input.accountId, input.requestKey);
  await CustomerNote.updateOne(
    { _id },
    {
      $setOnInsert: {
        _id,
        accountId,
        body: input.body,
        author: {
          accountId: author.accountId,
          name: authorProfile?.name ?? '',
          email: author.email,
        },
        createdAt: new Date(),
      },
    },
    { upsert: true, timestamps: false },
  );
  const note = await CustomerNote.findById(_id).lean<StoredCustomerNote>();
  if (!note) throw new Error(`customer note ${String(_id)} vanished after its upsert`);
  return toCustomerNoteView(note);
}
