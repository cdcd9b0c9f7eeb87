import type { z } from 'zod';

/** The raw environment: `process.env`, or a record a test or a caller hands in. */
export type Env = Record<string, string | undefined>;

/** Every problem of one process's environment, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(
    readonly processName: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${processName}: the environment is not usable (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export interface ConfigDefinition<S extends z.ZodType> {
  /** Named in the error: `cell host`, `storefront`, `seed`... */
  processName: string;
  schema: S;
  /**
   * Rules across variables (production requirements, one setting needing another), run on the
   * raw environment even when the schema found problems, so the error lists every one at once.
   */
  rules?: (env: Env) => string[];
  /** Where the environment comes from; the config modules pass `() => process.env`. */
  source: () => Env;
}

export interface ConfigAccessor<T> {
  /** The parsed configuration: parsed on first use, then the same object (reset() forgets it). */
  (): T;
  /** Parses `env` without caching: tests and callers that build an environment themselves. */
  parse(env: Env): T;
  /** Forgets the parsed configuration, so the next call parses the environment again (tests). */
  reset(): void;
}

// One registry per process, not per module instance: vitest loads modules afresh per test file,
// and follow-process-env.ts must reach every accessor's cache.
const registryKey = Symbol.for('@shop/env/resets');
type Registry = Set<() => void>;
function registry(): Registry {
  const holder = globalThis as { [registryKey]?: Registry };
  holder[registryKey] ??= new Set();
  return holder[registryKey];
}

/** Forgets every parsed configuration of this process (tests that change the environment). */
export function resetAllConfigs(): void {
  for (const reset of registry()) reset();
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'environment';
}

/**
 * One process's configuration: a zod schema over the environment plus cross-variable rules,
 * parsed lazily once and cached. A bad or missing variable throws a ConfigError that lists every
 * problem; a process's main calls the accessor first thing (see exitOnConfigError).
 */
export function defineConfig<S extends z.ZodType>(
  definition: ConfigDefinition<S>,
): ConfigAccessor<z.output<S>> {
  const parse = (env: Env): z.output<S> => {
    const result = definition.schema.safeParse(env);
    const problems = result.success
      ? []
      : result.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
    problems.push(...(definition.rules?.(env) ?? []));
    if (problems.length || !result.success) throw new ConfigError(definition.processName, problems);
    return result.data;
  };
  let cached: { value: z.output<S> } | undefined;
  const accessor = (() => {
    cached ??= { value: parse(definition.source()) };
    return cached.value;
  }) as ConfigAccessor<z.output<S>>;
  accessor.parse = parse;
  accessor.reset = () => {
    cached = undefined;
  };
  registry().add(accessor.reset);
  return accessor;
}

/**
 * Runs `load` (an accessor call) at process start; a ConfigError is printed as it is (one line per
 * problem, on stderr, not as a JSON log line that hides the list) and the process exits 1.
 */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
