/**
 * A vitest setup file: once a test file has finished, drops the databases
 * `isolateTestDatabases()` gave it. The run's one test server keeps every database until the run
 * ends, and the in-memory stand-in keeps them in vitest's own process, which also serves every
 * query of every file: about 85 files seed the 2,000-product demo data, and without this their
 * copies pile up in that process's heap for the whole run.
 *
 * Setup files register their hooks before the test file's, and vitest runs `afterAll` hooks in
 * reverse order, so this runs after the file's own `afterAll` has stopped its hosts and executors.
 * `KEEP_TEST_DATABASES=1` keeps them (to look at a file's data after a run against MONGODB_URI).
 */
import { afterAll } from 'vitest';
import { dropDatabasesWithPrefix } from './drop-databases';

/** The shape `isolateTestDatabases()` gives a prefix; anything else is not a test file's own. */
const testFilePrefix = /^t[0-9a-f]{8}_$/;

afterAll(async () => {
  const prefix = process.env.MONGODB_DB_PREFIX;
  const uri = process.env.MONGODB_URI;
  if (process.env.KEEP_TEST_DATABASES === '1') return;
  if (!uri || !prefix || !testFilePrefix.test(prefix)) return;
  // A failure here costs memory, not a red run.
  await dropDatabasesWithPrefix(uri, prefix, 'the test databases');
});
