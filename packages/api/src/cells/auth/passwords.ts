import bcrypt from 'bcrypt';
import { hostConfig } from '../../config/host';

/**
 * bcrypt work factor for new hashes: 12 by default, about a quarter of a second per hash on the
 * 2-core machine this project is measured on (docs/benchmarks.md, "Identity"), slow for guessing
 * and tolerable per sign-in. `AUTH_BCRYPT_COST` may raise it, or lower it to no less than 10 (the
 * test suites do, to stay fast). Lower-cost hashes are upgraded at the next successful sign-in.
 */
export const bcryptCost = hostConfig().AUTH_BCRYPT_COST;

// Compared against when the email is unknown, so both failures take as long (no account probing).
const unknownAccountHash = bcrypt.hashSync('no account has this password', bcryptCost);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, bcryptCost);
}

/** Whether `password` matches `hash`; with no hash, burns the same time and answers false. */
export async function passwordMatches(password: string, hash: string | null | undefined) {
  const matches = await bcrypt.compare(password, hash ?? unknownAccountHash);
  return Boolean(hash) && matches;
}

export function needsRehash(hash: string): boolean {
  return bcrypt.getRounds(hash) < bcryptCost;
}
