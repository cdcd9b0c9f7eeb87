export { domainDatabases, databaseDomains, type DatabaseDomain } from './domains';
export {
  connectDomainDatabase,
  pingDatabase,
  closeDatabaseConnections,
  databaseName,
  type ConnectDomainOptions,
} from './connection';
export {
  resolveMongo,
  type ResolvedMongo,
  type ResolveMongoOptions,
  type MongoKind,
} from './mongo';
