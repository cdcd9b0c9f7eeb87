import { z } from 'zod';
import { checkPostcode, supportedCountryCodes, type SupportedCountry } from './countries';
import { checkPhone } from './phone';

/**
 * A postal address as checkouts and address books take it: strict (unknown keys are a 400),
 * every string capped and free of control characters, the postcode checked against the country
 * and normalised (`1234ab` -> `1234 AB`), the phone turned into E.164.
 */

// Control characters (newlines, NUL...) have no place in a name or an address line.
const printable = /^[^\p{Cc}]*$/u;

/** Free text: trimmed, capped, printable. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `at most ${max} characters` })
    .regex(printable, { error: 'contains characters that are not allowed' });
export const requiredText = (max: number) => text(max).min(1, { error: 'required' });

export const countryCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(supportedCountryCodes, { error: 'not a country the shop delivers to' }));

/** A phone in any common spelling in, E.164 out; an empty string stays empty (no phone). */
export const phoneInput = z
  .string()
  .max(40, { error: 'at most 40 characters' })
  .transform((raw, ctx) => {
    if (raw.trim() === '') return '';
    const checked = checkPhone(raw);
    if (checked.ok) return checked.phone;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

/** Checks the postcode against the (possibly just changed) country and normalises it. */
export function withCheckedPostcode<T extends { country: SupportedCountry; postcode: string }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  const checked = checkPostcode(value.country, value.postcode);
  if (checked.ok) return { ...value, postcode: checked.postcode };
  ctx.addIssue({ code: 'custom', path: ['postcode'], message: checked.message });
  return z.NEVER;
}

export const postalAddressInput = z
  .strictObject({
    name: requiredText(100),
    line1: requiredText(200),
    line2: text(200).default(''),
    city: requiredText(100),
    region: text(100).default(''),
    // Room for spacing and prefixes ("SE-114 55") that normalising removes.
    postcode: requiredText(16),
    country: countryCodeInput,
    phone: phoneInput.default(''),
  })
  .transform(withCheckedPostcode);
export type PostalAddress = z.output<typeof postalAddressInput>;
