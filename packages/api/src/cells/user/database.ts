import { userModels } from '@shop/db/user';
import { domainDatabase } from '../domain-database';

/** users_db: only the user cell opens it. */
export const userDatabase = domainDatabase('user', userModels);
