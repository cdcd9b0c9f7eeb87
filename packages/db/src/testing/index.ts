export { startTestMongo, mongoGlobalSetup, type TestMongo } from './start-test-mongo';
export { isolateTestDatabases, testMongoEnforces } from './isolate-test-databases';
export { requireRealMongo, RealMongoSkipsReporter, needsRealMongoNote } from './real-mongo';
export { waitFor, type WaitForOptions } from './wait-for';
export { holdingProxy, type HoldingProxy } from './holding-proxy';
export { startDatabaseGate, type DatabaseGate } from './database-gate';
