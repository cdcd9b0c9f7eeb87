import { randomBytes } from 'node:crypto';

/**
 * The internal credential of a stack this process is about to start (`startStack`): its cells
 * answer procedures and `/metrics` only to callers presenting it (docs/security/edge.md). Call
 * before `startStack`, which reads `CELL_SERVICE_TOKEN` when it starts: a configured value is
 * kept, otherwise a fresh one is set here (rather than reading the checkout's
 * `.data/cell-service-token`, which a bench should not create or depend on).
 */
export function stackCellCredentialHeaders(): Record<string, string> {
  const token = (process.env.CELL_SERVICE_TOKEN ||= randomBytes(32).toString('base64url'));
  return { 'x-shop-cell-token': token };
}
