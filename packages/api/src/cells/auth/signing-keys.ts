import { generateKeyPair, randomUUID, type JsonWebKey } from 'node:crypto';
import { promisify } from 'node:util';
import type { SigningKey as StoredSigningKey } from '@shop/db/auth';
import {
  createLocalJWKSet,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { accessTokenAlgorithm, type SigningKey } from '../../identity/access-token';
import { authDatabase } from './database';

const generateRsaKeyPair = promisify(generateKeyPair);

/** How long the published key set is reused before auth_db is read again. */
const keySetTtlMs = 60_000;

// Oldest active key first: replicas that raced to create a key all settle on the same one.
const activeKeyOrder = { createdAt: 1, kid: 1 } as const;

async function readActiveKey(): Promise<StoredSigningKey | null> {
  const { SigningKey } = await authDatabase.models();
  return SigningKey.findOne({ status: 'active' }).sort(activeKeyOrder).lean<StoredSigningKey>();
}

async function createKey(): Promise<void> {
  const { SigningKey } = await authDatabase.models();
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  await SigningKey.create({
    kid: randomUUID(),
    alg: accessTokenAlgorithm,
    publicJwk: publicKey.export({ format: 'jwk' }),
    privateJwk: privateKey.export({ format: 'jwk' }),
    status: 'active',
  });
}

let signingKey: Promise<SigningKey> | undefined;

/**
 * The key the auth cell signs with, kept in auth_db so every replica signs with the same key and
 * every cell can verify. The first start creates it.
 */
export function currentSigningKey(): Promise<SigningKey> {
  signingKey ??= (async () => {
    let stored = await readActiveKey();
    if (!stored) {
      await createKey();
      stored = await readActiveKey();
    }
    if (!stored) throw new Error('no active signing key after creating one');
    const privateKey = (await importJWK(
      stored.privateJwk as JWK,
      accessTokenAlgorithm,
    )) as CryptoKey;
    return { kid: stored.kid, privateKey };
  })().catch((error: unknown) => {
    signingKey = undefined; // retry on the next call instead of caching the failure
    throw error;
  });
  return signingKey;
}

function publicJwk(stored: { kid: string; publicJwk: JsonWebKey }): JWK {
  const { kty, n, e } = stored.publicJwk;
  return { kty, n, e, kid: stored.kid, alg: accessTokenAlgorithm, use: 'sig' };
}

let published: { at: number; keys: Promise<JSONWebKeySet> } | undefined;

/** Every key that may have signed a live token (active and retired), public parts only. */
export function publishedKeySet(): Promise<JSONWebKeySet> {
  if (!published || Date.now() - published.at > keySetTtlMs) {
    const keys = (async () => {
      const { SigningKey } = await authDatabase.models();
      const stored = await SigningKey.find({}, { kid: 1, publicJwk: 1 })
        .sort(activeKeyOrder)
        .lean<{ kid: string; publicJwk: JsonWebKey }[]>();
      return { keys: stored.map(publicJwk) };
    })();
    published = { at: Date.now(), keys };
    keys.catch(() => (published = undefined));
  }
  return published.keys;
}

/** Verification keys read straight from auth_db, for hosts that host the auth cell. */
export function localAccessTokenKeySet(): JWTVerifyGetKey {
  let cached: { source: JSONWebKeySet; keySet: JWTVerifyGetKey } | undefined;
  return async (header, token) => {
    const source = await publishedKeySet();
    if (cached?.source !== source) cached = { source, keySet: createLocalJWKSet(source) };
    return cached.keySet(header, token);
  };
}

/** Forgets cached keys (tests that start from an empty auth_db). */
export function forgetSigningKeys(): void {
  signingKey = undefined;
  published = undefined;
}
