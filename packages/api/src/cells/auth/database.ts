import { authModels } from '@shop/db/auth';
import { domainDatabase } from '../domain-database';

/** auth_db: only the auth cell opens it. */
export const authDatabase = domainDatabase('auth', authModels);
