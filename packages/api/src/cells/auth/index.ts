import { jwksPath } from '../../identity/remote-key-set';
import type { CellDefinition } from '../cell-definition';
import { authDatabase } from './database';
import { authFunctions } from './functions';
import { jwksRoute } from './jwks-route';
import { authRouter } from './router';
import { currentSigningKey, localAccessTokenKeySet } from './signing-keys';

export const authCell: CellDefinition = {
  name: 'auth',
  router: authRouter,
  functions: authFunctions,
  database: authDatabase.database,
  // Creating (or loading) the signing key at start means the first login never pays for it.
  start: async () => {
    await currentSigningKey();
  },
  httpRoutes: { [jwksPath]: jwksRoute },
  accessTokenKeySet: localAccessTokenKeySet,
};
