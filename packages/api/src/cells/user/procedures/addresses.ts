import { supportedCountries as countries } from '../../../addresses/countries';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import {
  accountAddresses,
  addAccountAddress,
  removeAccountAddress,
  setAccountDefaultAddress,
  updateAccountAddress,
} from '../addresses';
import type {
  AddAddressInput,
  RemoveAddressInput,
  SetDefaultAddressInput,
  UpdateAddressInput,
} from '../inputs';
import { ownAccount } from '../own-profile';
import type { AddressList, AddressView, CountryList } from '../views';

export async function listAddresses({
  ctx,
}: HandlerArgs<undefined, SignedInContext>): Promise<AddressList> {
  const accountId = await ownAccount(ctx.identity);
  return { items: await accountAddresses(accountId) };
}

/** Adds an address; the first one becomes the default for shipping and billing. */
export async function addAddress({
  ctx,
  input,
}: HandlerArgs<AddAddressInput, SignedInContext>): Promise<AddressView> {
  const accountId = await ownAccount(ctx.identity);
  return addAccountAddress(accountId, input);
}

export async function updateAddress({
  ctx,
  input,
}: HandlerArgs<UpdateAddressInput, SignedInContext>): Promise<AddressView> {
  const accountId = await ownAccount(ctx.identity);
  return updateAccountAddress(accountId, input);
}

/** Removes an address and answers with the ones left (defaults may have moved). */
export async function removeAddress({
  ctx,
  input,
}: HandlerArgs<RemoveAddressInput, SignedInContext>): Promise<AddressList> {
  const accountId = await ownAccount(ctx.identity);
  return { items: await removeAccountAddress(accountId, input.id) };
}

/** Answers with every address, so the caller sees the flag move. */
export async function setDefaultAddress({
  ctx,
  input,
}: HandlerArgs<SetDefaultAddressInput, SignedInContext>): Promise<AddressList> {
  const accountId = await ownAccount(ctx.identity);
  return { items: await setAccountDefaultAddress(accountId, input.id, input.kind) };
}

/** Countries an address may be in, for the address form. */
export function supportedCountries(): CountryList {
  return { items: countries };
}
