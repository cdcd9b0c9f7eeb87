import { z } from 'zod';

// Environment values are strings; an empty one means "not set" (`FOO=` in a shell or a manifest),
// as `process.env.FOO || default` treated it before these schemas.
const unsetIfEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Any text, trimmed; empty counts as unset. */
export const text = () => z.preprocess(unsetIfEmpty, z.string().trim().optional());

/** An http(s) URL; empty counts as unset. */
export const url = () =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
        message: 'must be an http:// or https:// URL',
      })
      .optional(),
  );

/** A whole number at least `min`, with a default when unset. */
export const integer = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, { message: 'must be a whole number' })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { message: `must be at least ${min}` })
          .max(max, { message: `must be at most ${max}` }),
      )
      .default(fallback),
  );

/** A whole number at least `min`, or undefined when unset (the reader keeps its own default). */
export const optionalInteger = (min = 0) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, { message: 'must be a whole number' })
      .transform(Number)
      .pipe(z.number().min(min, { message: `must be at least ${min}` }))
      .optional(),
  );

/** A positive number (fractions allowed), with a default when unset. */
export const positiveNumber = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .transform(Number)
      .pipe(z.number({ message: 'must be a number' }).positive({ message: 'must be above 0' }))
      .default(fallback),
  );

/** A TCP port (0 picks a free one), with a default when unset. */
export const port = (fallback: number) => integer(fallback, 0, 65_535);

const on = ['1', 'true', 'yes', 'on'];

/** Whether a raw switch value is on (for rules, which see the raw environment). */
export const isOn = (value: string | undefined) => on.includes(value?.trim().toLowerCase() ?? '');

/** A `1`/`0` switch (also true/false, yes/no, on/off); unset is `fallback`. */
export const flag = (fallback = false) =>
  z
    .preprocess(
      unsetIfEmpty,
      z
        .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
          message: 'must be 1 or 0 (true/false, yes/no, on/off)',
        })
        .optional(),
    )
    .transform((value) =>
      value === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(value),
    );

/** pino's levels, plus `silent`. */
export const logLevel = (fallback = 'info') =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default(fallback as 'info'),
  );

export const isProduction = (env: Record<string, string | undefined>) =>
  env.NODE_ENV === 'production';

/**
 * Production rules apply to a production process at run time. `next build` runs with
 * NODE_ENV=production too (NEXT_PHASE=phase-production-build) and renders pages without the
 * deployment's settings, so it keeps the development defaults as it always has.
 */
export const isProductionRuntime = (env: Record<string, string | undefined>) =>
  isProduction(env) && env.NEXT_PHASE !== 'phase-production-build';
