import type { Profile } from '@shop/db/user';
import { TRPCError } from '@trpc/server';
import { Types, type QueryFilter } from 'mongoose';
import { pageWindow } from '../../trpc/pagination';
import { accountAddresses } from './addresses';
import { userDatabase } from './database';
import type { ListCustomersInput } from './inputs';
import {
  toCustomerSummary,
  type CustomerDetail,
  type CustomerPage,
  type StoredProfile as StoredProfileFields,
} from './views';
import { isObjectIdText } from '../../ids/object-id-text';

type StoredProfile = StoredProfileFields & { createdAt: Date };

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Customers newest first, optionally those whose name or email contains `q` (case-insensitive),
 * or whose account id is `q`. `q` is matched literally: regex characters are escaped.
 */
export async function findCustomers(input: ListCustomersInput): Promise<CustomerPage> {
  const { Profile } = await userDatabase.models();
  const filter: QueryFilter<Profile> = {};
  if (input.q) {
    const contains = { $regex: escapeRegex(input.q), $options: 'i' };
    const or: QueryFilter<Profile>[] = [{ name: contains }, { email: contains }];
    if (isObjectIdText(input.q)) or.push({ accountId: new Types.ObjectId(input.q) });
    filter.$or = or;
  }
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [rows, totalCount] = await Promise.all([
    Profile.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<StoredProfile[]>(),
    Profile.countDocuments(filter),
  ]);
  return {
    items: rows.map(toCustomerSummary),
    page: input.page,
    pageSize: input.pageSize,
    totalCount,
    hasMore: skip + rows.length < totalCount,
  };
}

/** One customer's profile and addresses; NOT_FOUND when the account has no profile. */
export async function customerDetail(accountId: Types.ObjectId): Promise<CustomerDetail> {
  const { Profile } = await userDatabase.models();
  const profile = await Profile.findOne({ accountId }).lean<StoredProfile>();
  if (!profile) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such customer' });
  return { profile: toCustomerSummary(profile), addresses: await accountAddresses(accountId) };
}
