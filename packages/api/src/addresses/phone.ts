/**
 * Phone numbers are stored in E.164 (`+31612345678`): a plus, a country code and at most 15
 * digits. People type them with spaces, dashes, dots, brackets or a leading 00; those are
 * accepted and removed. A number without a country code is refused, because a shop that ships
 * abroad cannot guess it.
 */
export type PhoneCheck = { ok: true; phone: string } | { ok: false; message: string };

const e164 = /^\+[1-9]\d{6,14}$/;

export function checkPhone(raw: string): PhoneCheck {
  let phone = raw.replace(/[\s().-]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  if (e164.test(phone)) return { ok: true, phone };
  return {
    ok: false,
    message: 'not a valid phone number: include the country code, e.g. +31 20 123 4567',
  };
}
