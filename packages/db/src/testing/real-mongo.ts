import type { TestContext } from 'vitest';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { testMongoEnforces } from './isolate-test-databases';

/** The start of the skip note of every test that needs a real mongod; the reporter counts them. */
export const needsRealMongoNote = 'needs a real mongod';

const guaranteeNames = {
  uniqueIndexes: 'unique indexes',
  transactions: 'transactions',
} as const;

/**
 * First line of a test of a guarantee that only a real MongoDB gives: on the in-memory stand-in
 * (which creates unique indexes without enforcing them, and acknowledges transactions without
 * isolating them) the test is skipped with a note that `RealMongoSkipsReporter` counts at the end
 * of the run, so a green run on the stand-in never hides what it did not check.
 */
export function requireRealMongo(
  context: TestContext,
  guarantee: keyof typeof guaranteeNames,
): void {
  context.skip(
    !testMongoEnforces()[guarantee],
    `${needsRealMongoNote} (${guaranteeNames[guarantee]})`,
  );
}

/**
 * Vitest reporter (next to `'default'`) that ends the run with one line naming how many tests
 * were skipped because the test database is the in-memory stand-in, and how to run them.
 * In a package: `test/real-mongo-skips-reporter.ts` containing
 * `export { RealMongoSkipsReporter as default } from '@shop/db/testing';`, then
 * `reporters: ['default', './test/real-mongo-skips-reporter.ts']` in vitest.config.ts.
 */
export class RealMongoSkipsReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests('skipped')) {
        const result = test.result();
        if (result.state === 'skipped' && result.note?.startsWith(needsRealMongoNote)) {
          skipped.push(
            `  ${testModule.moduleId.replace(/^.*\/test\//, 'test/')} > ${test.fullName}`,
          );
        }
      }
    }
    if (skipped.length === 0) return;
    const tests =
      skipped.length === 1
        ? '1 test skipped: it needs'
        : `${skipped.length} tests skipped: they need`;
    const log = (line: string) =>
      this.vitest ? this.vitest.logger.log(line) : process.stdout.write(`${line}\n`);
    log(
      `\n${tests} a real mongod (unique indexes/transactions), and this run used ` +
        'the in-memory stand-in; run with MONGOMS_SYSTEM_BINARY=/path/to/mongod or MONGODB_URI ' +
        '(docs/testing.md):',
    );
    for (const line of skipped) log(line);
  }
}
