/**
 * `@shop/api/identity`: access tokens and permissions without the cells (Node only). For tools
 * and benchmarks that verify or mint tokens the way a cell does.
 */
export {
  accessTokenAlgorithm,
  accessTokenAudience,
  accessTokenIssuer,
  accessTokenLifetimeSeconds,
  createAccessTokenVerifier,
  signAccessToken,
  staffAccessTokenLifetimeSeconds,
  type AccessTokenSubject,
  type AccessTokenVerifier,
  type SigningKey,
} from './access-token';
export { authJwksUrl, jwksPath, remoteAuthKeySet } from './remote-key-set';
export { type Identity } from './identity';
export {
  pollingRevokedSessions,
  remoteRevokedSessions,
  revokedSessionsPath,
  revokedSessionsTiming,
  withRevokedSessions,
  type RevokedSessions,
} from './revoked-sessions';
export * from './permissions';
