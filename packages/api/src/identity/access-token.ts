import { SignJWT, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Identity } from './identity';
import { revokedSessionsOf, type RevokedSessions } from './revoked-sessions';
import {
  isRole,
  permissionsForRoles,
  servicePermissions,
  serviceRole,
  type Role,
} from './permissions';

export const accessTokenAlgorithm = 'RS256';
export const accessTokenIssuer = 'shop-auth';
export const accessTokenAudience = 'shop-cells';
/** The longest an access token lives: a customer's. */
export const accessTokenLifetimeSeconds = 15 * 60;
/**
 * Staff tokens (any role beyond `customer`) live 5 minutes: if the auth cell's revocation list
 * cannot be read, a revoked staff session still ends within 5 minutes.
 */
export const staffAccessTokenLifetimeSeconds = 5 * 60;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface AccessTokenSubject {
  accountId: string;
  email: string;
  roles: readonly Role[];
  /** The refresh-token family this token belongs to, published as the `sid` claim. */
  sessionId?: string;
}

/** Signs a token with the claims every cell checks: RS256, our issuer and audience, an expiry. */
async function signToken(
  key: SigningKey,
  subject: string,
  payload: Record<string, unknown>,
  now: Date,
  lifetimeSeconds = accessTokenLifetimeSeconds,
): Promise<{ accessToken: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + lifetimeSeconds) * 1000);
  const accessToken = await new SignJWT(payload)
    .setProtectedHeader({ alg: accessTokenAlgorithm, kid: key.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(accessTokenIssuer)
    .setAudience(accessTokenAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.privateKey);
  return { accessToken, expiresAt };
}

/** Signs a short-lived RS256 access token. Only the auth cell holds a private key. */
export function signAccessToken(
  key: SigningKey,
  subject: AccessTokenSubject,
  now = new Date(),
): Promise<{ accessToken: string; expiresAt: Date }> {
  const sessionClaim = subject.sessionId ? { sid: subject.sessionId } : {};
  const staff = subject.roles.some((role) => role !== 'customer');
  return signToken(
    key,
    subject.accountId,
    { email: subject.email, roles: [...subject.roles], ...sessionClaim },
    now,
    staff ? staffAccessTokenLifetimeSeconds : accessTokenLifetimeSeconds,
  );
}

const serviceSubjectPrefix = 'service:';

/**
 * Signs a short-lived token for a cell acting on its own behalf (see `serviceRole`). Same key,
 * issuer, audience and lifetime as account tokens, so every cell verifies it the same way.
 */
export function signServiceToken(
  key: SigningKey,
  service: string,
  now = new Date(),
): Promise<{ accessToken: string; expiresAt: Date }> {
  return signToken(
    key,
    `${serviceSubjectPrefix}${service}`,
    { email: `${service}@services.internal`, roles: [serviceRole] },
    now,
  );
}

const claims = z.object({
  sub: z.string().min(1),
  email: z.string(),
  roles: z.array(z.string()),
  sid: z.string().min(1).optional(),
});

export type AccessTokenVerifier = (authorization: string | undefined) => Promise<Identity | null>;

/**
 * Turns an `Authorization: Bearer <token>` header into an identity, or null when there is no
 * token or it does not verify. Only RS256 is accepted (so `alg: none` and HS256 tokens signed with
 * the public key fail), and only keys the key set knows (unknown `kid` fails). A token of a
 * session the auth cell has revoked is refused once the revocation list names it (by default the
 * list paired with the key set: `remoteAuthKeySet`, or the auth cell's own).
 */
export function createAccessTokenVerifier(
  keySet: JWTVerifyGetKey,
  revokedSessions: RevokedSessions | null = revokedSessionsOf(keySet) ?? null,
): AccessTokenVerifier {
  return async (authorization) => {
    if (!authorization || !authorization.startsWith('Bearer ')) return null;
    const token = authorization.slice('Bearer '.length).trim();
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: [accessTokenAlgorithm],
        issuer: accessTokenIssuer,
        audience: accessTokenAudience,
        requiredClaims: ['exp', 'sub'],
      });
      const parsed = claims.parse(payload);
      if (parsed.roles.includes(serviceRole) && parsed.sub.startsWith(serviceSubjectPrefix)) {
        return {
          accountId: parsed.sub,
          email: parsed.email,
          roles: [],
          permissions: new Set(servicePermissions),
          service: parsed.sub.slice(serviceSubjectPrefix.length),
        };
      }
      if (parsed.sid && revokedSessions) {
        // Usually a plain boolean (a fresh list): no promise to wait for on the hot path.
        const revoked = revokedSessions.isRevoked(parsed.sid);
        if (revoked === true || (revoked !== false && (await revoked))) return null;
      }
      // Roles this build does not know grant nothing rather than failing the whole token.
      const roles = parsed.roles.filter(isRole);
      return {
        accountId: parsed.sub,
        email: parsed.email,
        roles,
        permissions: new Set(permissionsForRoles(roles)),
        ...(parsed.sid ? { sessionId: parsed.sid } : {}),
      };
    } catch {
      return null;
    }
  };
}
