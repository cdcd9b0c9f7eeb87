import fc from 'fast-check';
import {
  anyWrongValue,
  deeplyNested,
  oversizedString,
  pollutingObjects,
  trickyNumbers,
  trickyStrings,
} from './hostile-values';
import {
  defOf,
  lengthConstraints,
  numberConstraints,
  stringConstraints,
  type Schema,
} from './zod-constraints';

/**
 * fast-check arbitraries from a zod 4 schema, walked through `_zod.def`:
 * - `valid`: values the schema's shape and checks describe (refinements zod cannot show, such as
 *   `.refine`, are not known here, so a few may still be refused: that is fine, they must 4xx);
 * - `boundary`: the same at the edges: min and max lengths and numbers, empty arrays, long
 *   unicode, ids that look right but point nowhere;
 * - `invalid`: a valid value broken in one place (wrong type, out of range, a missing key, an
 *   extra or prototype-polluting key, oversized, deeply nested), or wrong altogether.
 * Callers decide by `acceptsInput` which of them zod refuses: an "invalid" value zod accepts
 * (an extra key it strips) is simply another accepted input.
 */
export interface SchemaArbitraries {
  valid: fc.Arbitrary<unknown>;
  boundary: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
}

type Mode = 'valid' | 'boundary';

const maxDepth = 6;

export function arbitrariesFor(schema: Schema): SchemaArbitraries {
  return {
    valid: valueOf(schema, 'valid', 0),
    boundary: valueOf(schema, 'boundary', 0),
    invalid: invalidOf(schema, 0),
  };
}

function unicodeString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
  );
}

/** A string of exactly `length` UTF-16 units (what zod counts), in several alphabets. */
function stringOfLength(length: number): fc.Arbitrary<string> {
  return fc.constantFrom(
    'a'.repeat(length),
    // 4-byte characters take two units: a string at the limit in units, not characters.
    '𝟘'.repeat(Math.floor(length / 2)) + 'é'.repeat(length % 2),
    'ü'.repeat(length),
    ' '.repeat(length),
    'ـ'.repeat(length),
  );
}

function formatString(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'email':
      return fc.emailAddress().map((email) => email.slice(-254));
    case 'url':
      return fc.webUrl();
    case 'uuid':
    case 'guid':
      return fc.uuid();
    case 'datetime':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    default:
      return undefined;
  }
}

function stringValue(schema: Schema, mode: Mode): fc.Arbitrary<string> {
  const { minLength, maxLength, formats, patterns } = stringConstraints(schema);
  const cap = Math.min(maxLength ?? minLength + 40, minLength + 40);
  // Fitted, never filtered: a filter on a rare length (a pattern's `+` and `.min(16)`) can spin
  // forever. Repeating a too-short match keeps `^[class]+$` patterns valid; for others the
  // value may be refused, which the valid lane allows.
  const fit = (value: string) => {
    let fitted = value;
    while (fitted.length < minLength) fitted += value || 'a';
    return maxLength === undefined ? fitted : fitted.slice(0, maxLength);
  };
  const formatted = formats.map(formatString).find((arbitrary) => arbitrary !== undefined);
  if (formatted) return formatted.map(fit);
  const pattern = patterns[0];
  if (pattern) {
    try {
      const matching = fc.stringMatching(pattern).map(fit);
      return mode === 'boundary'
        ? fc.oneof(matching, fc.constantFrom(...trickyStrings).map(fit))
        : matching;
    } catch {
      // A pattern fast-check cannot generate from (lookarounds): plain strings, refused or not.
    }
  }
  if (mode === 'valid') {
    return fc.oneof(
      { weight: 4, arbitrary: unicodeString(minLength, cap) },
      { weight: 1, arbitrary: fc.constantFrom(...trickyStrings).map(fit) },
    );
  }
  const edges = [stringOfLength(minLength), stringOfLength(Math.max(minLength, 1))];
  if (maxLength !== undefined) edges.push(stringOfLength(maxLength));
  return fc.oneof(...edges, fc.constantFrom(...trickyStrings).map(fit));
}

function numberValue(schema: Schema, mode: Mode): fc.Arbitrary<number> {
  const c = numberConstraints(schema);
  const limit = c.integer ? Number.MAX_SAFE_INTEGER : 1e15;
  const min = c.min ?? -limit;
  const max = c.max ?? limit;
  if (c.integer) {
    const low = Math.ceil(c.minExclusive ? min + 1 : min);
    const high = Math.floor(c.maxExclusive ? max - 1 : max);
    if (low > high) return fc.constant(low);
    const range = fc.integer({ min: low, max: high });
    const multiple = c.multipleOf;
    const picked = multiple ? range.map((n) => Math.round(n / multiple) * multiple) : range;
    if (mode === 'valid') return picked;
    return fc.constantFrom(low, high, Math.min(Math.max(0, low), high), Math.min(low + 1, high));
  }
  const range = fc.double({
    min,
    max,
    minExcluded: c.minExclusive,
    maxExcluded: c.maxExclusive,
    noNaN: true,
    noDefaultInfinity: true,
  });
  if (mode === 'valid') return range;
  return fc.oneof(range, fc.constantFrom(min, max));
}

function arrayValue(schema: Schema, mode: Mode, depth: number): fc.Arbitrary<unknown[]> {
  const element = valueOf(defOf(schema).element as Schema, mode, depth + 1);
  const { minLength, maxLength } = lengthConstraints(schema);
  const cap = Math.min(maxLength ?? minLength + 4, minLength + 4);
  if (mode === 'valid') return fc.array(element, { minLength, maxLength: cap });
  const edges = [fc.array(element, { minLength, maxLength: minLength })];
  if (maxLength !== undefined && maxLength <= 500)
    edges.push(fc.array(element, { minLength: maxLength, maxLength }));
  return fc.oneof(...edges);
}

function objectValue(schema: Schema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const shape = defOf(schema).shape as Record<string, Schema>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, child] of Object.entries(shape)) {
    model[key] = valueOf(child, mode, depth + 1);
    if (!isOptional(child)) requiredKeys.push(key);
  }
  return fc.record(model, { requiredKeys });
}

function isOptional(schema: Schema): boolean {
  return schema._zod.optin === 'optional';
}

/** Values of `schema` in `mode`; past `maxDepth`, the simplest value that may fit. */
export function valueOf(schema: Schema, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > maxDepth) return fc.constant(undefined);
  const inner = (key: string) => valueOf(def[key] as Schema, mode, depth + 1);
  switch (def.type) {
    case 'string':
      return stringValue(schema, mode);
    case 'number':
      return numberValue(schema, mode);
    case 'int':
      return numberValue(schema, mode);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'object':
      return objectValue(schema, mode, depth);
    case 'array':
      return arrayValue(schema, mode, depth);
    case 'tuple':
      return fc.tuple(...(def.items as Schema[]).map((item) => valueOf(item, mode, depth + 1)));
    case 'record':
      return fc.dictionary(
        valueOf(def.keyType as Schema, mode, depth + 1).map(String),
        inner('valueType'),
        { maxKeys: 4 },
      );
    case 'union':
      return fc.oneof(...(def.options as Schema[]).map((option) => valueOf(option, mode, depth)));
    case 'intersection':
      return fc
        .tuple(inner('left'), inner('right'))
        .map(([left, right]) =>
          typeof left === 'object' && typeof right === 'object'
            ? { ...(left as object), ...(right as object) }
            : left,
        );
    case 'optional':
      return fc.option(inner('innerType'), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner('innerType'), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(inner('innerType'), { nil: undefined, freq: 3 });
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return inner('innerType');
    case 'lazy':
      return valueOf((def.getter as () => Schema)(), mode, depth + 1);
    case 'pipe': {
      // A transform's input is described by what follows it (z.preprocess); otherwise by `in`.
      const input = def.in as Schema;
      return defOf(input).type === 'transform' ? inner('out') : inner('in');
    }
    default:
      // any, unknown, custom, transform, template literals...: anything JSON can carry.
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

/** A wrong value for a scalar of this kind: the wrong type or just outside its checks. */
function brokenScalar(schema: Schema): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (def.type === 'string') {
    const { minLength, maxLength } = stringConstraints(schema);
    const wrong: fc.Arbitrary<unknown>[] = [
      anyWrongValue,
      fc.constant(oversizedString(maxLength)),
      fc.constantFrom(...trickyStrings),
    ];
    if (minLength > 0) wrong.push(stringOfLength(minLength - 1));
    if (maxLength !== undefined) wrong.push(stringOfLength(maxLength + 1));
    return fc.oneof(...wrong);
  }
  if (def.type === 'number' || def.type === 'int') {
    const c = numberConstraints(schema);
    const wrong: fc.Arbitrary<unknown>[] = [
      anyWrongValue,
      fc.constantFrom(...trickyNumbers),
      fc.constantFrom('1', '1e3', 'NaN', 'Infinity'),
    ];
    if (c.min !== undefined) wrong.push(fc.constantFrom(c.min - 1, c.min - 0.5, -1e21));
    if (c.max !== undefined) wrong.push(fc.constantFrom(c.max + 1, c.max + 0.5, 1e21));
    return fc.oneof(...wrong);
  }
  return anyWrongValue;
}

/** The schema's valid value with one thing broken, or something else entirely. */
export function invalidOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const unwrapped =
    def.type === 'optional' ||
    def.type === 'nullable' ||
    def.type === 'default' ||
    def.type === 'prefault' ||
    def.type === 'readonly' ||
    def.type === 'nonoptional'
      ? (def.innerType as Schema)
      : def.type === 'pipe'
        ? defOf(def.in as Schema).type === 'transform'
          ? (def.out as Schema)
          : (def.in as Schema)
        : def.type === 'lazy'
          ? (def.getter as () => Schema)()
          : undefined;
  if (unwrapped && depth <= maxDepth) return invalidOf(unwrapped, depth + 1);
  if (depth > maxDepth) return anyWrongValue;

  if (def.type === 'object') {
    const shape = defOf(schema).shape as Record<string, Schema>;
    const keys = Object.keys(shape);
    const valid = valueOf(schema, 'valid', depth) as fc.Arbitrary<Record<string, unknown>>;
    const broken: fc.Arbitrary<unknown>[] = [
      anyWrongValue,
      // Extra keys, and keys aimed at prototypes or query operators, beside valid ones.
      fc
        .tuple(valid, pollutingObjects)
        .map(([value, extra]) => Object.assign(JSON.parse(JSON.stringify(extra)), value)),
      fc.tuple(valid, fc.constantFrom(...trickyStrings)).map(([value, key]) => ({
        ...value,
        [key || 'extra']: deeplyNested(40),
      })),
    ];
    if (keys.length > 0) {
      const field = fc.constantFrom(...keys);
      // One field replaced by a broken value of its own kind.
      broken.push(
        fc
          .tuple(valid, field)
          .chain(([value, key]) =>
            invalidOf(shape[key] as Schema, depth + 1).map((bad) => ({ ...value, [key]: bad })),
          ),
      );
      // One field missing.
      broken.push(
        fc.tuple(valid, field).map(([value, key]) => {
          const copy = { ...value };
          delete copy[key];
          return copy;
        }),
      );
    }
    return fc.oneof(...broken);
  }
  if (def.type === 'array') {
    const { maxLength } = lengthConstraints(schema);
    const element = def.element as Schema;
    const broken: fc.Arbitrary<unknown>[] = [
      anyWrongValue,
      fc.array(invalidOf(element, depth + 1), { minLength: 1, maxLength: 3 }),
    ];
    if (maxLength !== undefined && maxLength < 2_000) {
      broken.push(
        fc
          .tuple(valueOf(element, 'valid', depth + 1))
          .map(([item]) => Array.from({ length: maxLength + 1 }, () => item)),
      );
    }
    return fc.oneof(...broken);
  }
  if (def.type === 'union') {
    return fc.oneof(anyWrongValue, ...(def.options as Schema[]).map((o) => invalidOf(o, depth)));
  }
  if (def.type === 'record') {
    return fc.oneof(
      anyWrongValue,
      fc.dictionary(fc.string(), invalidOf(def.valueType as Schema, depth + 1), {
        minKeys: 1,
        maxKeys: 3,
      }),
    );
  }
  if (def.type === 'enum' || def.type === 'literal') {
    return fc.oneof(anyWrongValue, fc.constantFrom(...trickyStrings));
  }
  return brokenScalar(schema);
}
