import { type Connection } from 'mongoose';
import { accountModel } from './account-model';
import { signingKeyModel } from './signing-key-model';

export * from './roles';
export * from './account-model';
export * from './signing-key-model';

/** The auth domain's models, bound to the auth database connection. */
export function authModels(connection: Connection) {
  return { Account: accountModel(connection), SigningKey: signingKeyModel(connection) };
}
export type AuthModels = ReturnType<typeof authModels>;
