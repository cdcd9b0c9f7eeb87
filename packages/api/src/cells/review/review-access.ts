import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { isObjectIdText } from '../../ids/object-id-text';
import type { SignedInContext } from '../../trpc/context';

/** The signed-in shopper's account id as stored on reviews, votes and reports. */
export function shopperAccountId(ctx: SignedInContext): Types.ObjectId {
  if (!isObjectIdText(ctx.identity.accountId)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This account cannot write reviews' });
  }
  return new Types.ObjectId(ctx.identity.accountId);
}

export function reviewNotFound(): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: 'No such review' });
}
