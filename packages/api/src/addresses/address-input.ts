import { z } from 'zod';
import { requiredShownText, shownText } from '../text-input/shown-text';
import { checkPostcode, supportedCountryCodes, type SupportedCountry } from './countries';
import { checkPhone } from './phone';

/**
 * A postal address as checkouts and address books take it: strict (unknown keys are a 400),
 * every string capped and checked as shown text (it is printed on labels and in emails: see
 * text-input/shown-text.ts), the postcode checked against the country and normalised
 * (`1234ab` -> `1234 AB`), the phone turned into E.164.
 */

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
    name: requiredShownText(100),
    line1: requiredShownText(200),
    line2: shownText(200).default(''),
    city: requiredShownText(100),
    region: shownText(100).default(''),
    // Room for spacing and prefixes ("SE-114 55") that normalising removes.
    postcode: requiredShownText(16),
    country: countryCodeInput,
    phone: phoneInput.default(''),
  })
  .transform(withCheckedPostcode);
export type PostalAddress = z.output<typeof postalAddressInput>;
