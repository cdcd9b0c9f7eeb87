import type { z } from 'zod';

/**
 * What a zod 4 schema node says about itself, read through its public definition (`_zod.def`,
 * the introspection zod 4 documents for library authors): its kind and the checks on it.
 */

export type Schema = z.core.$ZodType;

/** A schema node's definition, loosely typed: each kind adds its own fields (shape, element...). */
export type SchemaDef = z.core.$ZodTypeDef & Record<string, unknown>;

export function defOf(schema: Schema): SchemaDef {
  return schema._zod.def as SchemaDef;
}

export interface StringConstraints {
  minLength: number;
  maxLength: number | undefined;
  /** `email`, `uuid`, `url`, `regex`, `datetime`... (zod's format names). */
  formats: string[];
  patterns: RegExp[];
}

export interface NumberConstraints {
  min: number | undefined;
  max: number | undefined;
  minExclusive: boolean;
  maxExclusive: boolean;
  integer: boolean;
  multipleOf: number | undefined;
}

export interface LengthConstraints {
  minLength: number;
  maxLength: number | undefined;
}

/** The definitions of a node's checks, and the node itself when it is a check (`z.email()`). */
function checkDefs(schema: Schema): Record<string, unknown>[] {
  const def = defOf(schema);
  const checks = (def.checks ?? []) as unknown as { _zod: { def: Record<string, unknown> } }[];
  return [def, ...checks.map((check) => check._zod.def)];
}

export function stringConstraints(schema: Schema): StringConstraints {
  const out: StringConstraints = { minLength: 0, maxLength: undefined, formats: [], patterns: [] };
  for (const check of checkDefs(schema)) {
    if (check.check === 'min_length')
      out.minLength = Math.max(out.minLength, Number(check.minimum));
    if (check.check === 'max_length')
      out.maxLength = Math.min(out.maxLength ?? Infinity, Number(check.maximum));
    if (check.check === 'length_equals') {
      out.minLength = Number(check.length);
      out.maxLength = Number(check.length);
    }
    if (typeof check.format === 'string') out.formats.push(check.format);
    if (check.pattern instanceof RegExp) out.patterns.push(check.pattern);
  }
  return out;
}

export function numberConstraints(schema: Schema): NumberConstraints {
  const out: NumberConstraints = {
    min: undefined,
    max: undefined,
    minExclusive: false,
    maxExclusive: false,
    integer: false,
    multipleOf: undefined,
  };
  for (const check of checkDefs(schema)) {
    const value = Number(check.value);
    if (check.check === 'greater_than' && (out.min === undefined || value >= out.min)) {
      out.min = value;
      out.minExclusive = check.inclusive !== true;
    }
    if (check.check === 'less_than' && (out.max === undefined || value <= out.max)) {
      out.max = value;
      out.maxExclusive = check.inclusive !== true;
    }
    if (check.check === 'multiple_of') out.multipleOf = Number(check.value);
    if (typeof check.format === 'string' && /int/.test(check.format)) out.integer = true;
  }
  return out;
}

export function lengthConstraints(schema: Schema): LengthConstraints {
  const strings = stringConstraints(schema);
  return { minLength: strings.minLength, maxLength: strings.maxLength };
}

/**
 * Whether zod accepts `value` as this schema's input. Undefined when only an async parse can
 * say (an async refinement): such values are not classed as refused.
 */
export function acceptsInput(schema: Schema, value: unknown): boolean | undefined {
  try {
    return (schema as z.ZodType).safeParse(value).success;
  } catch {
    return undefined;
  }
}
