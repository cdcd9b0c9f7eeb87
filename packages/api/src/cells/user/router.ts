import { Types } from 'mongoose';
import type { Identity } from '../../identity/identity';
import { router } from '../../trpc/init';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  addAddress,
  listAddresses,
  removeAddress,
  setDefaultAddress,
  updateAddress,
  type AddressView,
} from './addresses';
import { supportedCountries, type CountryInfo } from './countries';
import { getCustomer, listCustomers, type CustomerDetail, type CustomerPage } from './customers';
import {
  addressFieldsInput,
  addressIdInput,
  customerIdInput,
  listCustomersInput,
  setDefaultAddressInput,
  updateAddressInput,
  updateCustomerInput,
  updatePreferencesInput,
  updateProfileInput,
} from './inputs';
import {
  accountObjectId,
  ensureProfile,
  toProfileView,
  updatePreferences,
  updateProfile,
  type ProfileView,
} from './profiles';

/**
 * The caller's own account id, with their profile created on first use (a sign-up whose
 * registration event has not been processed yet still gets a profile). The id always comes from
 * the verified token, never from input: a shopper can only ever reach their own data.
 */
function ownProfile(identity: Identity) {
  return ensureProfile({
    accountId: accountObjectId(identity.accountId),
    // Tokens carry no name; the email's local part stands in until the user sets one.
    name: identity.email.split('@')[0] ?? '',
    email: identity.email,
  });
}

async function ownAccount(identity: Identity): Promise<Types.ObjectId> {
  return (await ownProfile(identity)).accountId;
}

export const userRouter = router({
  status: statusProcedure('user'),

  /** The signed-in user's profile (created with defaults on first read). */
  getProfile: authedProcedure.query(async ({ ctx }): Promise<ProfileView> =>
    toProfileView(await ownProfile(ctx.identity)),
  ),

  updateProfile: authedProcedure
    .input(updateProfileInput)
    .mutation(async ({ ctx, input }): Promise<ProfileView> => {
      const accountId = await ownAccount(ctx.identity);
      return toProfileView(await updateProfile(accountId, input));
    }),

  updatePreferences: authedProcedure
    .input(updatePreferencesInput)
    .mutation(async ({ ctx, input }): Promise<ProfileView> => {
      const accountId = await ownAccount(ctx.identity);
      return toProfileView(await updatePreferences(accountId, input));
    }),

  listAddresses: authedProcedure.query(async ({ ctx }): Promise<{ items: AddressView[] }> => {
    const accountId = await ownAccount(ctx.identity);
    return { items: await listAddresses(accountId) };
  }),

  /** Adds an address; the first one becomes the default for shipping and billing. */
  addAddress: authedProcedure
    .input(addressFieldsInput)
    .mutation(async ({ ctx, input }): Promise<AddressView> => {
      const accountId = await ownAccount(ctx.identity);
      return addAddress(accountId, input);
    }),

  updateAddress: authedProcedure
    .input(updateAddressInput)
    .mutation(async ({ ctx, input }): Promise<AddressView> => {
      const accountId = await ownAccount(ctx.identity);
      return updateAddress(accountId, input);
    }),

  /** Removes an address and answers with the ones left (defaults may have moved). */
  removeAddress: authedProcedure
    .input(addressIdInput)
    .mutation(async ({ ctx, input }): Promise<{ items: AddressView[] }> => {
      const accountId = await ownAccount(ctx.identity);
      return { items: await removeAddress(accountId, input.id) };
    }),

  /** Answers with every address, so the caller sees the flag move. */
  setDefaultAddress: authedProcedure
    .input(setDefaultAddressInput)
    .mutation(async ({ ctx, input }): Promise<{ items: AddressView[] }> => {
      const accountId = await ownAccount(ctx.identity);
      return { items: await setDefaultAddress(accountId, input.id, input.kind) };
    }),

  /** Countries an address may be in, for the address form. */
  supportedCountries: publicProcedure.query((): { items: readonly CountryInfo[] } => ({
    items: supportedCountries,
  })),

  /** Staff: customers, newest first, searchable by name, email or account id. */
  listCustomers: permissionProcedure('customers:read')
    .input(listCustomersInput)
    .query(async ({ ctx, input }): Promise<CustomerPage> => {
      // Who looked is worth an audit line; what they searched for may be personal data.
      ctx.logger.info({ staffAccountId: ctx.identity.accountId }, 'customers listed');
      return listCustomers(input);
    }),

  /** Staff: one customer's profile and addresses. */
  getCustomer: permissionProcedure('customers:read')
    .input(customerIdInput)
    .query(async ({ ctx, input }): Promise<CustomerDetail> => {
      ctx.logger.info(
        { staffAccountId: ctx.identity.accountId, customerAccountId: input.accountId },
        'customer read',
      );
      return getCustomer(new Types.ObjectId(input.accountId));
    }),

  /** Staff: correct a customer's name, phone or avatar. */
  updateCustomer: permissionProcedure('customers:write')
    .input(updateCustomerInput)
    .mutation(async ({ ctx, input: { accountId, ...changes } }): Promise<CustomerDetail> => {
      ctx.logger.info(
        { staffAccountId: ctx.identity.accountId, customerAccountId: accountId },
        'customer updated',
      );
      const id = new Types.ObjectId(accountId);
      await updateProfile(id, changes);
      return getCustomer(id);
    }),
});
