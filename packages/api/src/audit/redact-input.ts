import { toJsonValue, type JsonValue } from './canonical-json';

// Never recorded: credentials and payment data.
const secretKey = /pass(word|phrase)?|token|secret|card|cvc|cvv|iban|otp|signature|hash/i;
// A customer's personal details (a product or category `name` is not one, so `name` stays): the
// procedure records them itself when the change is about them.
const personalKey =
  /^(e-?mail|phone|first_?name|last_?name|full_?name|address(es)?|line1|line2|street|city|post_?code|postal_?code|zip|body|note|notes|birth_?date|date_?of_?birth|recipient)$/i;

const MAX_TEXT = 200;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

function redact(value: JsonValue, depth: number): JsonValue {
  if (typeof value === 'string') {
    // A CSV part or a rich-text body says nothing an auditor can read here; its size does.
    return value.length > MAX_TEXT ? `[${value.length} characters]` : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `[${value.length - MAX_ITEMS} more]`] : kept;
  }
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) {
    if (secretKey.test(key)) out[key] = '[secret]';
    else if (personalKey.test(key)) out[key] = item === null ? null : '[personal]';
    else out[key] = redact(item, depth + 1);
  }
  return out;
}

/**
 * The input as an audit entry records it when the procedure gave no before/after: secrets and a
 * customer's personal fields replaced by a marker, long texts by their length, so the log never
 * becomes a second copy of passwords or addresses.
 */
export function redactedInput(input: unknown): JsonValue {
  return redact(toJsonValue(input), 0);
}
