/** Secrets: how cells make them, store them (only a hash) and compare them (in constant time). */
export { newSecretToken } from './new-secret-token';
export { sha256Hex } from './sha256-hex';
export { isSameSecret, sameSecretAs } from './same-secret';
