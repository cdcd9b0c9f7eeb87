import fc from 'fast-check';

/**
 * Values an attacker or a broken client sends where something else is expected. Objects with
 * `__proto__` are built by JSON.parse so the key is an own property and survives JSON.stringify.
 */

/** Strings that look like ids but are not, or that mean something to a database or a path. */
export const trickyStrings: readonly string[] = [
  '',
  ' ',
  '0',
  'null',
  'undefined',
  'zzzzzzzzzzzzzzzzzzzzzzzz', // 24 characters, not hex: not an ObjectId
  '00000000000000000000000', // 23 hex digits
  '0000000000000000000000000', // 25 hex digits
  'ffffffffffffffffffffffff',
  '$where',
  '{"$gt":""}',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  '\uD800', // a lone surrogate: not valid UTF-16
  '\u202Egnp.exe',
  '<script>alert(1)</script>',
  'constructor',
  '__proto__',
  'toString',
  '𝟘𝟙𝟚'.repeat(3),
  'e\u0301'.repeat(4),
];

export const trickyNumbers: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e21,
  -1e21,
  Number.MIN_VALUE,
  2 ** 31,
  2 ** 53,
];

const pollutingJson: readonly string[] = [
  '{"__proto__":{"isAdmin":true,"permissions":["*"]}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"$gt":""}',
  '{"$where":"sleep(1000)"}',
  '{"toString":1,"valueOf":1,"hasOwnProperty":1}',
];

/** Objects whose keys aim at prototypes or query operators. */
export const pollutingObjects: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...pollutingJson)
  .map((json) => JSON.parse(json) as Record<string, unknown>);

/** Nested `depth` levels deep: arrays or objects, the way a recursive walker meets them. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

/** One value of any JSON type (and shapes a schema rarely expects), for "wrong type" cases. */
export const anyWrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...trickyNumbers),
  fc.constantFrom(...trickyStrings),
  fc.constant([]),
  fc.constant({}),
  pollutingObjects,
  fc.constant(deeplyNested(64)),
  fc.array(fc.constantFrom(...trickyStrings), { maxLength: 4 }),
);

/** Longer than any field allows, kept under the host's 1 MiB body limit and URLs' 16 KiB. */
export function oversizedString(maxLength: number | undefined): string {
  return 'x'.repeat(Math.min(Math.max((maxLength ?? 0) + 1, 4_096), 200_000));
}
