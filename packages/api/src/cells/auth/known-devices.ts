import { isDuplicateKeyError } from '@shop/db/claims';
import type { Types } from 'mongoose';
import { newSecretToken, sha256Hex } from '../../secrets';
import { authDatabase } from './database';

/** The apps keep the device token in a long-lived cookie; each sign-in renews it. */
export const deviceTokenLifetimeMs = 365 * 24 * 60 * 60 * 1000;
/** An address that signed in stays known this long after its last successful sign-in. */
export const knownAddressLifetimeMs = 30 * 24 * 60 * 60 * 1000;

const tokenHash = (token: string) => sha256Hex(`token:${token}`);
const addressHash = (accountId: Types.ObjectId, address: string) =>
  sha256Hex(`address:${accountId.toString()}:${address}`);

export interface Device {
  /** What the apps send back from their device cookie, if anything. */
  deviceToken?: string;
  clientAddress: string | null;
}

/**
 * True when this device signed in to the account before: it presents a device token issued to
 * the account, or comes from an address that signed in to it within `knownAddressLifetimeMs`.
 */
export async function isKnownDevice(
  accountId: Types.ObjectId,
  device: Device,
  now = new Date(),
): Promise<boolean> {
  const hashes = [
    ...(device.deviceToken ? [tokenHash(device.deviceToken)] : []),
    ...(device.clientAddress ? [addressHash(accountId, device.clientAddress)] : []),
  ];
  if (hashes.length === 0) return false;
  const { KnownDevice } = await authDatabase.models();
  const found = await KnownDevice.exists({
    accountId,
    hash: { $in: hashes },
    expiresAt: { $gt: now },
  });
  return found !== null;
}

/** An upsert that lost an insert race on a real MongoDB: the winner's document is as good. */
async function upsertIgnoringRace(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * After a successful sign-in: remembers the device's address and returns the device token it
 * should keep (its own, renewed, when it was issued to this account; else a new one). Only
 * hashes are stored. A token of another account is not reused: one token names one account.
 */
export async function rememberDevice(
  accountId: Types.ObjectId,
  device: Device,
  now = new Date(),
): Promise<string> {
  const { KnownDevice } = await authDatabase.models();
  let token = device.deviceToken;
  if (token) {
    const renewed = await KnownDevice.updateOne(
      { hash: tokenHash(token), accountId, kind: 'token' },
      { $set: { expiresAt: new Date(now.getTime() + deviceTokenLifetimeMs) } },
    );
    if (renewed.matchedCount === 0) token = undefined;
  }
  if (!token) {
    token = newSecretToken();
    await KnownDevice.create({
      hash: tokenHash(token),
      accountId,
      kind: 'token',
      expiresAt: new Date(now.getTime() + deviceTokenLifetimeMs),
    });
  }
  const address = device.clientAddress;
  if (address) {
    await upsertIgnoringRace(() =>
      KnownDevice.updateOne(
        { hash: addressHash(accountId, address) },
        {
          $set: { expiresAt: new Date(now.getTime() + knownAddressLifetimeMs) },
          $setOnInsert: { accountId, kind: 'address' },
        },
        { upsert: true },
      ),
    );
  }
  return token;
}
