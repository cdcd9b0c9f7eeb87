import { randomBytes } from 'node:crypto';

/**
 * Order numbers people read out on the phone, that nobody can walk: `SO-` and eight characters of
 * Crockford base32 (no I, L, O or U, so nothing is misread), 40 random bits, grouped 4-4:
 * `SO-7KQ4-M2XH`. Guessing one in a shop with a million orders takes about a million tries per hit,
 * and guest lookups also need the email and are throttled per address. Orders placed before this
 * format keep their sequential `SO-100001` numbers, which are still accepted.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh random order number (uniqueness is the order's unique index; see `insertOrder`). */
export function newOrderNumber(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let shift = 35n; shift >= 0n; shift -= 5n) {
    code += alphabet[Number((bits >> shift) & 31n)];
  }
  return `SO-${code.slice(0, 4)}-${code.slice(4)}`;
}

const randomNumber = /^SO-([0-9A-HJKMNP-TV-Z]{4})-?([0-9A-HJKMNP-TV-Z]{4})$/;
const sequentialNumber = /^SO-\d{1,12}$/;

/**
 * The order numbers a person may mean by what they typed: case, spaces, a missing `SO-` or dash,
 * and Crockford's look-alikes (O for 0, I and L for 1) do not matter. Eight digits can be either
 * format, so both are returned; an empty list when it is no order number at all.
 */
export function orderNumberCandidates(typed: string): string[] {
  const compact = typed.trim().toUpperCase().replace(/\s+/g, '');
  const prefixed = compact.startsWith('SO-') ? compact : `SO-${compact.replace(/^SO/, '')}`;
  const candidates: string[] = [];
  if (sequentialNumber.test(prefixed)) candidates.push(prefixed);
  const body = prefixed.slice(3).replace(/O/g, '0').replace(/[IL]/g, '1');
  const match = randomNumber.exec(`SO-${body}`);
  if (match) candidates.push(`SO-${match[1]}-${match[2]}`);
  return candidates;
}
