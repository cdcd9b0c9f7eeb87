export { resolveMongo, defaultDevDataDir, fallbackLimitations } from './resolve-mongo';
export { startCongo, type StartCongoOptions } from './start-congo';
export { type ResolvedMongo, type ResolveMongoOptions, type MongoKind } from './resolved-mongo';
