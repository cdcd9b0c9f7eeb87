import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { authDatabase } from './database';

const gone = 'This account no longer exists';

/** The account id of a verified access token as an ObjectId (401 if it cannot be one). */
export function accountObjectId(accountId: string): Types.ObjectId {
  if (!Types.ObjectId.isValid(accountId)) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: gone });
  }
  return new Types.ObjectId(accountId);
}

/** The stored account of a verified access token; 401 once it was deleted. */
export async function signedInAccount(accountId: string) {
  const { Account } = await authDatabase.models();
  const account = await Account.findOne({
    _id: accountObjectId(accountId),
    deletedAt: null,
  }).lean();
  if (!account) throw new TRPCError({ code: 'UNAUTHORIZED', message: gone });
  return account;
}
