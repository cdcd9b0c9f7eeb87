import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  addAddressInput,
  addCustomerNoteInput,
  customerNotesInput,
  getCustomerInput,
  listCustomersInput,
  removeAddressInput,
  setDefaultAddressInput,
  updateAddressInput,
  updateCustomerInput,
  updatePreferencesInput,
  updateProfileInput,
} from './inputs';
import {
  addAddress,
  listAddresses,
  removeAddress,
  setDefaultAddress,
  supportedCountries,
  updateAddress,
} from './procedures/addresses';
import { getCustomer, listCustomers, updateCustomer } from './procedures/customers';
import { addCustomerNote, customerNotes } from './procedures/customer-notes';
import { getProfile, updatePreferences, updateProfile } from './procedures/profile';

/** `user.*`: the caller's profile and addresses, and staff's view of customers. */
export const userRouter = router({
  status: statusProcedure('user'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('user'),

  // The caller's profile (procedures/profile.ts)
  getProfile: authedProcedure.query(getProfile),
  updateProfile: authedProcedure.input(updateProfileInput).mutation(updateProfile),
  updatePreferences: authedProcedure.input(updatePreferencesInput).mutation(updatePreferences),

  // The caller's addresses (procedures/addresses.ts)
  listAddresses: authedProcedure.query(listAddresses),
  addAddress: authedProcedure.input(addAddressInput).mutation(addAddress),
  updateAddress: authedProcedure.input(updateAddressInput).mutation(updateAddress),
  removeAddress: authedProcedure.input(removeAddressInput).mutation(removeAddress),
  setDefaultAddress: authedProcedure.input(setDefaultAddressInput).mutation(setDefaultAddress),
  supportedCountries: publicProcedure.query(supportedCountries),

  // Staff (procedures/customers.ts)
  listCustomers: permissionProcedure('customers:read')
    .input(listCustomersInput)
    .query(listCustomers),
  getCustomer: permissionProcedure('customers:read').input(getCustomerInput).query(getCustomer),
  updateCustomer: permissionProcedure('customers:write')
    .input(updateCustomerInput)
    .mutation(updateCustomer),

  // Staff: notes about a customer (procedures/customer-notes.ts)
  customerNotes: permissionProcedure('customers:read')
    .input(customerNotesInput)
    .query(customerNotes),
  addCustomerNote: permissionProcedure('customers:write')
    .input(addCustomerNoteInput)
    .mutation(addCustomerNote),
});
