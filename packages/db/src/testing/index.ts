export { startTestMongo, mongoGlobalSetup, type TestMongo } from './start-test-mongo';
export { isolateTestDatabases, testMongoEnforces } from './isolate-test-databases';
