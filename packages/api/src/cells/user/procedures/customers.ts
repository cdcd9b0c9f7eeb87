import { Types } from 'mongoose';
import { changedFields } from '../../../audit/changed-fields';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { customerDetail, findCustomers } from '../customers';
import type { GetCustomerInput, ListCustomersInput, UpdateCustomerInput } from '../inputs';
import { updateAccountProfile } from '../profiles';
import type { CustomerDetail, CustomerPage } from '../views';

/** Staff: customers, newest first, searchable by name, email or account id. */
export async function listCustomers({
  ctx,
  input,
}: HandlerArgs<ListCustomersInput, SignedInContext>): Promise<CustomerPage> {
  // Who looked is worth an audit line; what they searched for may be personal data.
  ctx.logger.info({ staffAccountId: ctx.identity.accountId }, 'customers listed');
  return findCustomers(input);
}

/** Staff: one customer's profile and addresses. */
export async function getCustomer({
  ctx,
  input,
}: HandlerArgs<GetCustomerInput, SignedInContext>): Promise<CustomerDetail> {
  ctx.logger.info(
    { staffAccountId: ctx.identity.accountId, customerAccountId: input.accountId },
    'customer read',
  );
  return customerDetail(new Types.ObjectId(input.accountId));
}

/** Staff: correct a customer's name, phone or avatar. */
export async function updateCustomer({
  ctx,
  input: { accountId, ...changes },
}: StaffArgs<UpdateCustomerInput>): Promise<CustomerDetail> {
  ctx.logger.info(
    { staffAccountId: ctx.identity.accountId, customerAccountId: accountId },
    'customer updated',
  );
  const id = new Types.ObjectId(accountId);
  const before = await customerDetail(id);
  await updateAccountProfile(id, changes);
  const after = await customerDetail(id);
  // The changed profile fields themselves: what a staff edit of a customer is audited for.
  ctx.audit.record({
    object: { type: 'customer', id: accountId },
    ...changedFields(before.profile, after.profile),
  });
  return after;
}
