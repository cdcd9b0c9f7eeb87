import { jwksPath } from '../../identity/remote-key-set';
import { revokedSessionsPath } from '../../identity/revoked-sessions';
import type { CellDefinition } from '../cell-definition';
import { authDatabase } from './database';
import { isCommonPassword } from './common-passwords';
import { authFunctions } from './functions';
import { jwksRoute } from './jwks-route';
import { revokedSessionsRoute } from './revoked-sessions-route';
import { authRouter } from './router';
import { currentSigningKey, localAccessTokenKeySet } from './signing-keys';

export const authCell: CellDefinition = {
  name: 'auth',
  router: authRouter,
  functions: authFunctions,
  database: authDatabase.database,
  // Creating (or loading) the signing key, and loading the common-password list, at start means
  // the first sign-in or registration never pays for them.
  start: async () => {
    await currentSigningKey();
    isCommonPassword('');
  },
  httpRoutes: { [jwksPath]: jwksRoute, [revokedSessionsPath]: revokedSessionsRoute },
  accessTokenKeySet: localAccessTokenKeySet,
};
