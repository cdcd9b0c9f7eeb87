export { domainDatabases, databaseDomains, type DatabaseDomain } from './domains';
export {
  connectDomainDatabase,
  pingDatabase,
  closeDatabaseConnections,
  databaseName,
  observeMongoClients,
  type ConnectDomainOptions,
  type MongoClientObserver,
} from './connection';
export {
  resolveMongo,
  type ResolvedMongo,
  type ResolveMongoOptions,
  type MongoKind,
} from './mongo';
