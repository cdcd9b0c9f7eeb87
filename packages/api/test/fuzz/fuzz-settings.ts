import { createHash } from 'node:crypto';

/**
 * How hard the fuzzer tries. CI uses the defaults (a fixed seed, so a failure reproduces);
 * `FUZZ_RUNS=200` tries longer locally, `FUZZ_SEED=<n>` replays a run (docs/testing.md, Fuzzing).
 */
export const fuzzRuns = positiveInteger(process.env.FUZZ_RUNS, 3);
export const fuzzSeed = integer(process.env.FUZZ_SEED, 20_261_205);
/** Only procedures whose path contains this (e.g. `review.`), to chase one failure. */
export const fuzzOnly = process.env.FUZZ_ONLY ?? '';

function integer(raw: string | undefined, fallback: number): number {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${raw}`);
  return value;
}

function positiveInteger(raw: string | undefined, fallback: number): number {
  const value = integer(raw, fallback);
  if (value < 1) throw new Error(`FUZZ_RUNS must be 1 or more, not ${raw}`);
  return value;
}

/**
 * Each procedure's own seed, from the run's seed and its path: adding a procedure does not
 * change what the others are sent.
 */
export function seedFor(path: string, lane: string): number {
  const hash = createHash('sha256').update(`${fuzzSeed}:${lane}:${path}`).digest();
  return hash.readInt32BE(0);
}

/** Said with every failure, so it can be replayed. */
export function replayHint(path: string): string {
  return `replay: FUZZ_SEED=${fuzzSeed} FUZZ_ONLY=${path} npx vitest run test/fuzz/procedures.test.ts`;
}
