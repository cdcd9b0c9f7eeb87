/**
 * Whether a write was refused because a unique key (an `_id` or a unique index) already exists.
 *
 * A real mongod reports code 11000 (11001 on old servers), as does the driver for a bulk write's
 * first error; the in-memory stand-in sends the same refusal with only the message
 * "E11000 duplicate key error ...". Both must read as the same thing, or a lost race on the
 * stand-in surfaces as a 500.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, codeName, message, writeErrors } = error as {
    code?: unknown;
    codeName?: unknown;
    message?: unknown;
    writeErrors?: unknown;
  };
  if (code === 11000 || code === 11001 || codeName === 'DuplicateKey') return true;
  if (typeof message === 'string' && /E11000|duplicate key/i.test(message)) return true;
  return Array.isArray(writeErrors) && writeErrors.some((entry) => isDuplicateKeyError(entry));
}
