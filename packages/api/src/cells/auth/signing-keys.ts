import { hostConfig } from '../../config/host';
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
import {
  accessTokenAlgorithm,
  accessTokenLifetimeSeconds,
  type SigningKey,
} from '../../identity/access-token';
import { pollingRevokedSessions, withRevokedSessions } from '../../identity/revoked-sessions';
import { authDatabase } from './database';
import { recentlyRevokedSessionIds } from './revoked-session-list';

const generateRsaKeyPair = promisify(generateKeyPair);

/** How long the published key set, and the key this replica signs with, are reused. */
const keyCacheTtlMs = 60_000;

/**
 * A rotated-in key starts signing this long after it is created: by then every auth replica's
 * published key set (cached up to `keyCacheTtlMs`) lists it, so no cell meets a token whose key it
 * cannot fetch. `AUTH_KEY_ACTIVATION_DELAY_MS` overrides it (tests use 0).
 */
function activationDelayMs(): number {
  return hostConfig().AUTH_KEY_ACTIVATION_DELAY_MS; // default keyCacheTtlMs + 5 s (config/host.ts)
}

/**
 * A retired key stays published until every token it signed has expired (15 minutes), plus the
 * time a replica may still have signed with it from its cache, plus clock skew.
 */
export const retiredKeyPublishedForMs = accessTokenLifetimeSeconds * 1000 + keyCacheTtlMs + 60_000;

/** When a stored key starts signing (keys from before rotation existed: when created). */
function activatesAtOf(key: { activatesAt?: Date | null; createdAt?: Date }): number {
  return (key.activatesAt ?? key.createdAt ?? new Date(0)).getTime();
}

/**
 * The key to sign with now: of the keys already active and not retired, the one activated last.
 * Replicas that raced to create the first key may briefly sign with different ones; both are
 * published, so every token still verifies.
 */
async function readSigningKey(now: Date): Promise<StoredSigningKey | null> {
  const { SigningKey } = await authDatabase.models();
  // Not by status: a key rotated out keeps signing until its successor activates (`retiredAt`).
  const candidates = await SigningKey.find({
    $or: [{ retiredAt: null }, { retiredAt: { $gt: now } }],
  }).lean<StoredSigningKey[]>();
  const usable = candidates
    .filter((key) => activatesAtOf(key) <= now.getTime())
    .filter((key) => !key.retiredAt || key.retiredAt.getTime() > now.getTime())
    .sort((a, b) => activatesAtOf(b) - activatesAtOf(a) || a.kid.localeCompare(b.kid));
  return usable[0] ?? null;
}

async function createKey(activatesAt: Date): Promise<string> {
  const { SigningKey } = await authDatabase.models();
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  await SigningKey.create({
    kid,
    alg: accessTokenAlgorithm,
    publicJwk: publicKey.export({ format: 'jwk' }),
    privateJwk: privateKey.export({ format: 'jwk' }),
    status: 'active',
    activatesAt,
  });
  return kid;
}

let signingKey: { at: number; key: Promise<SigningKey> } | undefined;

/**
 * The key the auth cell signs with, kept in auth_db so every replica signs with a published key
 * and every cell can verify. The first start creates it; re-read every minute so a rotation done
 * on another replica takes effect here too.
 */
export function currentSigningKey(): Promise<SigningKey> {
  if (!signingKey || Date.now() - signingKey.at > keyCacheTtlMs) {
    const key = (async () => {
      const now = new Date();
      let stored = await readSigningKey(now);
      if (!stored) {
        await createKey(now);
        published = undefined; // publish the new key before anything it signs is checked
        stored = await readSigningKey(now);
      }
      if (!stored) throw new Error('no active signing key after creating one');
      const privateKey = (await importJWK(
        stored.privateJwk as JWK,
        accessTokenAlgorithm,
      )) as CryptoKey;
      return { kid: stored.kid, privateKey };
    })();
    const entry = { at: Date.now(), key };
    signingKey = entry;
    // Retry on the next call instead of caching the failure.
    key.catch(() => {
      if (signingKey === entry) signingKey = undefined;
    });
  }
  return signingKey.key;
}

/**
 * Starts a new signing key (after the activation delay) and retires the current ones from that
 * moment; they stay published until their tokens have expired.
 */
export async function rotateSigningKey(
  now = new Date(),
): Promise<{ kid: string; activatesAt: Date }> {
  const { SigningKey } = await authDatabase.models();
  const activatesAt = new Date(now.getTime() + activationDelayMs());
  const kid = await createKey(activatesAt);
  await SigningKey.updateMany(
    { kid: { $ne: kid }, $or: [{ retiredAt: null }, { retiredAt: { $gt: activatesAt } }] },
    { $set: { status: 'retired', retiredAt: activatesAt } },
  );
  forgetSigningKeys();
  return { kid, activatesAt };
}

function publicJwk(stored: { kid: string; publicJwk: JsonWebKey }): JWK {
  const { kty, n, e } = stored.publicJwk;
  return { kty, n, e, kid: stored.kid, alg: accessTokenAlgorithm, use: 'sig' };
}

let published: { at: number; keys: Promise<JSONWebKeySet> } | undefined;

/**
 * Every key that may have signed a live token or is about to sign: current, upcoming, and retired
 * ones until their tokens have expired. Public parts only.
 */
export function publishedKeySet(): Promise<JSONWebKeySet> {
  if (!published || Date.now() - published.at > keyCacheTtlMs) {
    const keys = (async () => {
      const { SigningKey } = await authDatabase.models();
      const oldestPublished = new Date(Date.now() - retiredKeyPublishedForMs);
      const stored = await SigningKey.find(
        { $or: [{ retiredAt: null }, { retiredAt: { $gt: oldestPublished } }] },
        { kid: 1, publicJwk: 1 },
      )
        .sort({ createdAt: 1, kid: 1 })
        .lean<{ kid: string; publicJwk: JsonWebKey }[]>();
      return { keys: stored.map(publicJwk) };
    })();
    const entry = { at: Date.now(), keys };
    published = entry;
    keys.catch(() => {
      if (published === entry) published = undefined;
    });
  }
  return published.keys;
}

/**
 * Verification keys read straight from auth_db, for hosts that host the auth cell, paired with
 * the revoked sessions read the same way.
 */
export function localAccessTokenKeySet(): JWTVerifyGetKey {
  let cached: { source: JSONWebKeySet; keySet: JWTVerifyGetKey } | undefined;
  const keySet: JWTVerifyGetKey = async (header, token) => {
    const source = await publishedKeySet();
    if (cached?.source !== source) cached = { source, keySet: createLocalJWKSet(source) };
    return cached.keySet(header, token);
  };
  return withRevokedSessions(keySet, pollingRevokedSessions(recentlyRevokedSessionIds));
}

/** Forgets cached keys (after a rotation; tests that start from an empty auth_db). */
export function forgetSigningKeys(): void {
  signingKey = undefined;
  published = undefined;
}
